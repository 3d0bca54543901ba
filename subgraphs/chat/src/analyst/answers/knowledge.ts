/**
 * Everything else is answered from what Sophia remembers (`request.memories`, retrieved by the pipeline):
 * the memories that really speak to the question are quoted and cited; a project the question names is
 * given with its status. When nothing relevant is known the answer says so, with no figure invented.
 */
import { formatEnum, formatShare } from '../format.ts';
import { relevantMemories, subjectTerms } from '../relevance.ts';
import { words } from '../text.ts';
import { type AnswerContext } from './context.ts';
import { writeQuotes } from './quotes.ts';

/** @default 3 */
export const MAX_QUOTES = 3;

export const I_DONT_KNOW =
  "I don't know. Nothing in Sophia's data or in what it remembers answers that, so I won't guess a figure.";

export async function answerKnowledge(context: AnswerContext): Promise<void> {
  const { request, writer, directory } = context;
  const projects = directory.projects.filter((project) =>
    request.understanding.projects.some((named) => named.id === project.id),
  );
  for (const project of projects) {
    writer.paragraph(
      `**${project.name}** is ${formatEnum(project.status)}, ${formatShare(project.progress)} done, due ` +
        `${project.dueDate}` +
        (project.owner ? `, owned by ${project.owner.name}` : '') +
        `. ${project.description}`,
    );
    writer.cite('Project', project.id);
  }
  // Names of the directory are no reason to refuse a memory that does not repeat them.
  const known = new Set(projects.flatMap((project) => words(project.name)));
  const relevant = relevantMemories(request.question, request.memories, known).slice(0, MAX_QUOTES);
  if (relevant.length === 0) {
    if (projects.length === 0) writer.paragraph(I_DONT_KNOW);
    return;
  }
  // A passage with every subject word answers the question; one with most of them is only close.
  const direct = relevant.some(({ hits }) => hits >= subjectTerms(request.question).length);
  writer.write(
    projects.length > 0
      ? 'From what Sophia remembers:\n\n'
      : direct
        ? 'Here is what Sophia remembers:\n\n'
        : 'I have no direct answer to that; the closest things Sophia remembers:\n\n',
  );
  writeQuotes(
    writer,
    relevant.map(({ memory, excerpt }) => ({ id: memory.id, text: excerpt, source: memory.sourceTitle })),
  );
}
