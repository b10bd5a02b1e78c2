/** Shown once per show/check/run screen: short, plain, not repeated on every line. */
export const DISCLAIMER = 'acupress is not medical advice. Stop if anything hurts, and ask a clinician about any health concern.';
