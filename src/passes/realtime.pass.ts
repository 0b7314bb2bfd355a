// Realtime: none without realtime flows; WebSocket when a client also sends; otherwise server-sent events.
import type { ArchitectureModel } from '../model/types.js';
import { definePass, type PassContext } from './pass.js';
import { decide, listProse, type Consequences } from './decision.js';

export const realtimeRules = {
  noRealtimeFlow: 'realtime/no-realtime-flow',
  serverPush: 'realtime/server-push',
  bidirectional: 'realtime/bidirectional',
} as const;

const consequences: Record<string, Consequences> = {
  none: {
    cost: 'No long-lived connections to hold.',
    operations: 'Clients see changes on their next request; nothing to fan out between instances.',
  },
  sse: {
    cost: 'Each connected client holds one HTTP connection on the application instances; memory grows with concurrent clients, not requests.',
    operations: 'Reconnects resume from Last-Event-ID, a pub/sub channel fans events out across instances, and load-balancer idle timeouts are raised for streams.',
  },
  websocket: {
    cost: 'Long-lived two-way connections pin memory on connection-serving instances; cost grows with concurrent clients.',
    operations: 'Connection routing across instances, pub/sub fan-out, heartbeats, backpressure, per-message authorization and rate limits on inbound frames.',
  },
};

function decideRealtime(ctx: PassContext, model: ArchitectureModel): ArchitectureModel {
  const flows = ctx.spec.flows.filter((f) => f.kind === 'realtime');
  const bidirectional = flows.filter((f) => f.bidirectional).map((f) => f.name);
  const names = flows.map((f) => f.name);
  const uses = flows.flatMap((f) => [`flows.${f.name}.kind`, `flows.${f.name}.bidirectional`]);
  if (flows.length === 0) {
    return decide(ctx, model, {
      id: 'realtime', choice: 'none', rule: realtimeRules.noRealtimeFlow,
      rationale: 'Hold no long-lived client connections because no flow has kind realtime: clients read current state with ordinary requests.',
      rejected: {
        sse: 'No flow has kind realtime, so there is nothing to push.',
        websocket: 'No flow has kind realtime, so no client needs a two-way channel.',
      },
      uses: ['flows'], tippingPoint: null, consequences,
      contradicts: { sse: 'no flow has kind realtime', websocket: 'no flow has kind realtime' },
    });
  }
  if (bidirectional.length > 0) {
    return decide(ctx, model, {
      id: 'realtime', choice: 'websocket', rule: realtimeRules.bidirectional,
      rationale: `Use WebSocket connections because realtime flow ${listProse(bidirectional)} is bidirectional: clients send as well as receive on the same low-overhead channel.`,
      rejected: {
        none: `Realtime flows ${listProse(names)} push changes to connected clients.`,
        sse: `Server-sent events only push to the client, and ${listProse(bidirectional)} needs the client to send too.`,
      },
      uses, tippingPoint: null, consequences,
      contradicts: { none: `flows ${listProse(names)} are realtime`, sse: `flows ${listProse(bidirectional)} are bidirectional` },
    });
  }
  return decide(ctx, model, {
    id: 'realtime', choice: 'sse', rule: realtimeRules.serverPush,
    rationale: `Push updates over server-sent events because realtime flow${names.length === 1 ? '' : 's'} ${listProse(names)} only send${names.length === 1 ? 's' : ''} from server to client: plain HTTP streaming works through proxies and reconnects with Last-Event-ID.`,
    rejected: {
      none: `Realtime flows ${listProse(names)} push changes to connected clients.`,
      websocket: `No realtime flow is bidirectional: a two-way socket adds frame-level authorization and connection routing without a client that sends.`,
    },
    uses, tippingPoint: null, consequences,
    contradicts: { none: `flows ${listProse(names)} are realtime` },
  });
}

export const realtimePass = definePass({
  id: 'realtime',
  title: 'Choose the realtime channel',
  run: decideRealtime,
});
