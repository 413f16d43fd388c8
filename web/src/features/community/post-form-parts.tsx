/** Pieces of the forms that write posts: the Markdown hint, content warnings, "Post anonymously". */
import { contentWarningLabels, contentWarnings } from '@kindred/common/community';
import type { Option } from '../../components/fields.tsx';
import { CheckboxField } from './community-parts.tsx';

export const contentWarningOptions: Option[] = contentWarnings.map((warning) => ({
  value: warning,
  label: contentWarningLabels[warning],
}));

export const contentWarningsHint =
  'Tick anything your story mentions. Readers see these words first, and the story stays folded until they choose to open it.';

/** The little Markdown a post understands, in a sentence. */
export function MarkdownHint() {
  return (
    <p>
      You can write <code>**bold**</code>, <code>_italic_</code>, <code>&gt; quote</code> and <code>- list</code>, paste
      links, and mention someone with <code>@handle</code>.
    </p>
  );
}

export function AnonymousCheckbox({
  id,
  isChecked,
  onChange,
}: {
  id: string;
  isChecked: boolean;
  onChange: (isChecked: boolean) => void;
}) {
  return (
    <CheckboxField
      id={id}
      label="Post anonymously"
      hint="Other members see “Anonymous member” instead of your name. Moderators can still see who wrote it, to keep everyone safe."
      isChecked={isChecked}
      onChange={onChange}
    />
  );
}
