// The proposal emitter: proposal.md in the shape `spec.system.deliverable` asks for, with the Mermaid diagrams embedded.
import { defineGenerator } from '../generator.js';
import { loadDiagrams } from './diagrams.js';
import { renderProposal } from './render.js';

export const proposalGenerator = defineGenerator({
  name: 'proposal',
  async generate(model) {
    return [{ path: 'proposal.md', content: renderProposal(model, await loadDiagrams(model)) }];
  },
});
