import { Fragment } from 'react';

/** Where a long token may wrap: after a separator, and before an e-mail's `@`. */
const BREAK_AFTER = /([/:\-._,)]+)/;

/**
 * A long token (an ARN, a request id, an e-mail address) that may wrap at its separators
 * instead of widening its column: `<wbr>` marks the points, so words elsewhere never break.
 */
export function BreakableText({ text }: { text: string }) {
  const parts = text.split(BREAK_AFTER);
  return (
    <>
      {parts.map((part, index) => (
        <Fragment key={index}>
          {part.split('@').map((piece, at) => (
            <Fragment key={at}>
              {at > 0 && (
                <>
                  <wbr />@
                </>
              )}
              {piece}
            </Fragment>
          ))}
          {BREAK_AFTER.test(part) && <wbr />}
        </Fragment>
      ))}
    </>
  );
}
