import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithFixtures } from '../testing/render.tsx';
import { DocumentUpload } from './document-upload.tsx';

afterEach(cleanup);

const job = (status: string, chunksDone: number, progress: number) => ({
  id: 'job_1',
  title: 'Board memo',
  status,
  chunksTotal: 4,
  chunksDone,
  chunksFailed: 0,
  progress,
  error: null,
});

describe('document upload', () => {
  it('sends the file text and follows the job with a progress bar until it completes', async () => {
    const { fixtures } = renderWithFixtures(<DocumentUpload />, {
      IngestDocument: { data: { ingestDocument: { job: job('QUEUED', 0, 0), errors: [] } } },
      IngestJobProgress: [
        { data: { ingestJobProgress: job('RUNNING', 2, 0.5) } },
        { data: { ingestJobProgress: job('COMPLETED', 4, 1) } },
      ],
    });
    const file = new File(['# Board memo\n\nWe expand into Nordics in Q1.'], 'Board memo.md', {
      type: 'text/markdown',
    });
    fireEvent.change(screen.getByLabelText('Document (text or markdown)'), { target: { files: [file] } });
    expect((screen.getByRole('textbox', { name: 'Title' }) as HTMLInputElement).value).toBe('Board memo');
    fireEvent.click(screen.getByRole('button', { name: 'Upload' }));
    await waitFor(() => expect(screen.getByTestId('ingest-job').dataset['status']).toBe('COMPLETED'));
    expect(
      screen.getByRole('progressbar', { name: 'Remembering Board memo' }).getAttribute('aria-valuenow'),
    ).toBe('100');
    expect(screen.getByText('Completed · 4 of 4 chunks')).toBeTruthy();
    expect(fixtures.calls.find((c) => c.operationName === 'IngestDocument')?.variables).toEqual({
      input: {
        title: 'Board memo',
        content: '# Board memo\n\nWe expand into Nordics in Q1.',
        visibility: 'PRIVATE',
      },
    });
    expect(fixtures.calls.find((c) => c.operationName === 'IngestJobProgress')?.variables).toEqual({
      id: 'job_1',
    });
    expect(fixtures.drift).toEqual([]);
  });

  it('refuses an empty file before sending anything', async () => {
    const { fixtures } = renderWithFixtures(<DocumentUpload />, {});
    fireEvent.change(screen.getByLabelText('Document (text or markdown)'), {
      target: { files: [new File(['  '], 'empty.txt', { type: 'text/plain' })] },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Upload' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The file is empty.');
    expect(fixtures.calls).toEqual([]);
  });
});
