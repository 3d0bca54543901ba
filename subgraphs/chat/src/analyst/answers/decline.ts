/** Declines plainly: another company, data Sophia does not hold, or an action it cannot take. */
import { declineText } from '../scope.ts';
import { type AnswerContext } from './context.ts';
import { I_DONT_KNOW } from './knowledge.ts';

export async function answerDecline(context: AnswerContext): Promise<void> {
  const { decline } = context.request.understanding;
  context.writer.paragraph(decline ? declineText(decline) : I_DONT_KNOW);
}
