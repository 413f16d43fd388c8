/**
 * "Report": tell the moderators something is wrong with a post or a profile. What is wrong (one of
 * the shared reasons), an optional note, and a word about crisis lines for someone in danger now.
 */
import { useState, type FormEvent } from 'react';
import {
  REPORT_NOTE_MAX_LENGTH,
  reportInputSchema,
  reportReasonLabels,
  reportReasons,
  type ReportReason,
  type ReportSubjectKind,
} from '@kindred/common/moderation';
import { Button } from '../../components/button.tsx';
import { Dialog } from '../../components/dialog.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { RadioGroup, TextArea, type Option } from '../../components/fields.tsx';
import { useToast } from '../../components/toast.tsx';
import { useFormErrors } from '../../lib/forms.ts';
import { useSendReport } from './safety.api.ts';

type ReportDialogProps = {
  /** What is reported: a post (its id) or a profile (the member's handle). */
  subjectKind: ReportSubjectKind;
  subjectId: string;
  /** The dialog's title, e.g. "Report river" or "Report this post". */
  title: string;
  isOpen: boolean;
  onClose: () => void;
};

const reasonHints: Partial<Record<ReportReason, string>> = {
  crisis: 'Moderators look at these first.',
};

const reasonOptions: Option[] = reportReasons.map((reason) => ({
  value: reason,
  label: reportReasonLabels[reason],
  hint: reasonHints[reason],
}));

/** The report dialog; it closes itself with a thank-you toast once the report is sent. */
export function ReportDialog({ subjectKind, subjectId, title, isOpen, onClose }: ReportDialogProps) {
  return (
    <Dialog isOpen={isOpen} onClose={onClose} title={title}>
      <ReportForm subjectKind={subjectKind} subjectId={subjectId} onDone={onClose} />
    </Dialog>
  );
}

const fields = { reason: 'What is wrong', note: 'Anything else the moderators should know' } as const;

function ReportForm({
  subjectKind,
  subjectId,
  onDone,
}: {
  subjectKind: ReportSubjectKind;
  subjectId: string;
  onDone: () => void;
}) {
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const form = useFormErrors(`report-${subjectKind}`, fields);
  const sendReport = useSendReport();
  const showToast = useToast();

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (sendReport.isPending) return;
    if (reason === '') {
      form.showErrors({ reason: 'Choose what is wrong.' });
      return;
    }
    const input = { subjectKind, subjectId, reason: reason as ReportReason, note };
    if (!form.checkWith(reportInputSchema, input)) return;
    sendReport.mutate(input, {
      onSuccess: (report) => {
        showToast(report.message);
        onDone();
      },
      onError: form.showApiError,
    });
  };

  return (
    <>
      <p>
        Your report goes to the moderators, the people who look after Kindred. We don’t tell the member who reported
        them.
      </p>
      <ErrorSummary {...form.summary} />
      <form noValidate onSubmit={handleSubmit}>
        <RadioGroup
          id={form.fieldId('reason')}
          label="What is wrong?"
          error={form.errorFor('reason')}
          options={reasonOptions}
          value={reason}
          onChange={setReason}
        />
        <TextArea
          id={form.fieldId('note')}
          label="Anything else the moderators should know"
          isOptional
          error={form.errorFor('note')}
          maxLength={REPORT_NOTE_MAX_LENGTH}
          rows={3}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
        <p className="report-crisis-note">
          If someone may be in danger right now, call your local emergency number, or{' '}
          <a href="/help">see crisis lines</a>.
        </p>
        <div className="actions">
          <Button type="submit" isLoading={sendReport.isPending}>
            Send report
          </Button>
          <Button variant="secondary" onClick={onDone}>
            Cancel
          </Button>
        </div>
      </form>
    </>
  );
}
