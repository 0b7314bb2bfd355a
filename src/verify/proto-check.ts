// api.proto must parse with protobufjs; its errors name the line ("illegal token 'x' (line 12)").
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { defineCheck } from './check.js';
import { lineSpan } from './text-position.js';

export const PROTO_FILE = 'api.proto';

async function parseError(text: string): Promise<string | null> {
  const { default: protobuf } = await import('protobufjs');
  try {
    protobuf.parse(text, { keepCase: true });
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export const protoCheck = defineCheck({
  name: 'api.proto',
  subject: PROTO_FILE,
  run: async (target): Promise<Diagnostic[] | null> => {
    const text = target.read(PROTO_FILE);
    if (text === null) return null;
    const message = await parseError(text);
    if (message === null) return [];
    // The line protobufjs names becomes the diagnostic's position, so the message need not repeat it.
    const line = /\((?:[^()]*, )?line (\d+)\)$/.exec(message);
    const span = line ? lineSpan(text, Number(line[1])) : null;
    const detail = line ? message.slice(0, line.index).trimEnd() : message;
    return [createDiagnostic('ARC0024', { detail }, target.shown(PROTO_FILE), span ?? undefined)];
  },
});
