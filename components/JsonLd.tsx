import { jsonLdString } from '@/lib/metadata';

/** The page's JSON-LD, in one script: `<` escaped, so no text in it can close the element. */
export function JsonLd({ data }: { data: unknown }) {
  return (
    <script
      type="application/ld+json"
      // biome-ignore lint/security/noDangerouslySetInnerHtml: JSON with `<` escaped, see jsonLdString.
      dangerouslySetInnerHTML={{ __html: jsonLdString(data) }}
    />
  );
}
