import ReactMarkdown from 'react-markdown';
import remarkGfm from 'remark-gfm';

/** The assistant's markdown, tables included (GitHub-flavoured); raw HTML is not rendered. */
export function Markdown({ text }: { text: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown remarkPlugins={[remarkGfm]}>{text}</ReactMarkdown>
    </div>
  );
}
