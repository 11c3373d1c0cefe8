import { useState } from 'react';
import { CreateExportDocument, ExportDocument } from '../graphql/documents';
import type { ExportFormat, ExportInput } from '../gql/graphql';
import { requestGraphql } from '../lib/graphql-client';

interface Props {
  /** The export to make, without its format. */
  input: Omit<ExportInput, 'format'>;
  formats: ExportFormat[];
}

const POLL_MS = 300;

/**
 * One button per format: creates the export, waits until it is DONE, then downloads it through
 * its short-lived signed link (the API key never goes into a URL).
 */
export function ExportButtons({ input, formats }: Props) {
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const download = async (format: ExportFormat) => {
    setBusy(format);
    setMessage(`Preparing the ${format} file…`);
    try {
      const created = await requestGraphql(CreateExportDocument, { input: { ...input, format } });
      for (;;) {
        const { export: current } = await requestGraphql(ExportDocument, {
          id: created.createExport.id,
        });
        if (!current) throw new Error('the export is gone');
        if (current.status === 'FAILED') throw new Error(current.error ?? 'the export failed');
        if (current.status === 'DONE' && current.downloadUrl) {
          const link = document.createElement('a');
          link.href = current.downloadUrl;
          link.download = current.fileName ?? '';
          document.body.appendChild(link);
          link.click();
          link.remove();
          setMessage(`Downloaded ${current.fileName ?? format}.`);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    } catch (error) {
      setMessage(`The ${format} file could not be made: ${(error as Error).message}`);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="exports" role="group" aria-label="Downloads">
      {formats.map((format) => (
        <button
          key={format}
          type="button"
          disabled={busy !== null}
          onClick={() => void download(format)}
        >
          Download {format}
        </button>
      ))}
      {message && (
        <span role="status" aria-live="polite">
          {message}
        </span>
      )}
    </div>
  );
}
