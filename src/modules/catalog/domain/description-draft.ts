/** An AI-written description for a product, waiting for a person's decision. */
export type DescriptionDraftStatus = 'proposed' | 'accepted' | 'discarded';

export interface DescriptionDraft {
  readonly id: string;
  readonly productId: string;
  readonly status: DescriptionDraftStatus;
  readonly text: string;
  readonly promptName: string;
  readonly promptVersion: number;
  /** The model call in the AI call log that wrote it. */
  readonly aiCallId: string;
  readonly requestedBy: string;
  readonly createdAt: string;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
}

/** Only a proposed draft can be decided; a decision is final (accepting twice is refused, not repeated). */
export function canDecide(draft: Pick<DescriptionDraft, 'status'>): boolean {
  return draft.status === 'proposed';
}

/** The longest draft kept (a model that runs on is cut at a word boundary). */
export const MAX_DRAFT_CHARS = 5000;

/** The model's text as a draft: trimmed, at most {@link MAX_DRAFT_CHARS}; null when there is nothing. */
export function draftText(content: string | null): string | null {
  const text = (content ?? '').trim();
  if (!text) return null;
  if (text.length <= MAX_DRAFT_CHARS) return text;
  const cut = text.slice(0, MAX_DRAFT_CHARS);
  const space = cut.lastIndexOf(' ');
  return (space > MAX_DRAFT_CHARS * 0.8 ? cut.slice(0, space) : cut).trimEnd();
}
