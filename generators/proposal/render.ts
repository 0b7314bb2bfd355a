// Picks the document for `spec.system.deliverable` and renders it; pure, so the same model and diagrams give the same bytes.
import type { ArchitectureModel } from '../../src/model/types.js';
import type { Deliverable } from '../../src/spec/normalized.js';
import { renderDocument, type MarkdownSection } from '../markdown/document.js';
import type { ProposalContext } from './context.js';
import { architectureSection } from './sections/architecture-section.js';
import { communicationSection } from './sections/communication-section.js';
import { contextSection } from './sections/context-section.js';
import { dataSection } from './sections/data-section.js';
import { deliverySection } from './sections/delivery-section.js';
import { modulesSection } from './sections/modules-section.js';
import { performanceSection } from './sections/performance-section.js';
import { reliabilitySection } from './sections/reliability-section.js';
import { securitySection } from './sections/security-section.js';
import { apiVariantSections } from './variants/api-variant.js';
import { migrationVariantSections } from './variants/migration-variant.js';
import { reviewSubject, reviewVariantSections } from './variants/review-variant.js';
import { schemaVariantSections } from './variants/schema-variant.js';
import { code } from '../markdown/escape.js';

interface Rendered {
  title: string;
  intro: string[];
  sections: MarkdownSection[];
}

/** The rulebook's nine sections, in its order. */
function proposalSections(ctx: ProposalContext): MarkdownSection[] {
  return [
    contextSection(ctx), architectureSection(ctx), modulesSection(ctx), dataSection(ctx), communicationSection(ctx),
    securitySection(ctx), reliabilitySection(ctx), performanceSection(ctx), deliverySection(ctx),
  ];
}

function systemLine(ctx: ProposalContext, what: string): string {
  const adrs = ctx.model.decisions.length === 0
    ? 'The model holds no decision yet.'
    : 'Every decision has an ADR under [decisions/](decisions/README.md).';
  return `${what} for ${code(ctx.model.spec.system.name)}, compiled by archc from \`system.yaml\`. ${adrs}`;
}

const VARIANTS: Readonly<Record<Deliverable, (ctx: ProposalContext) => Rendered>> = {
  proposal: (ctx) => ({ title: 'Backend Architecture Proposal', intro: [systemLine(ctx, 'Architecture proposal')], sections: proposalSections(ctx) }),
  short: (ctx) => ({ title: 'Backend Architecture Proposal', intro: [systemLine(ctx, 'Short architecture proposal')], sections: proposalSections(ctx) }),
  api: (ctx) => ({ title: 'API Design', intro: [systemLine(ctx, 'API design')], sections: apiVariantSections(ctx) }),
  schema: (ctx) => ({ title: 'Database Schema', intro: [systemLine(ctx, 'Database schema')], sections: schemaVariantSections(ctx) }),
  review: (ctx) => ({ title: 'Architecture Review', intro: [reviewSubject(ctx)], sections: reviewVariantSections(ctx) }),
  migration: (ctx) => ({ title: 'Migration Plan', intro: [systemLine(ctx, 'Migration plan')], sections: migrationVariantSections(ctx) }),
};

/** proposal.md for the model's deliverable; `diagrams` maps diagram names to Mermaid sources. */
export function renderProposal(model: ArchitectureModel, diagrams: ReadonlyMap<string, string>): string {
  const deliverable = model.spec.system.deliverable;
  const ctx: ProposalContext = { model, short: deliverable === 'short', diagrams };
  const { title, intro, sections } = VARIANTS[deliverable](ctx);
  return renderDocument(title, intro, sections);
}
