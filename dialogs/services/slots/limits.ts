/** How long a one-line answer (a `string` attribute, the first message kept for a person) may be. */
export const MAX_STRING = 500;
/** How long a free-text answer (a `text` attribute, the details) may be. */
export const MAX_TEXT = 4000;
/** A place in the resident's own words: at least this long ("by the shop" is not enough)… */
export const MIN_PLACE_TEXT = 8;
/** …and at most this long. */
export const MAX_PLACE_TEXT = 1000;
/** A name longer than this is not one (asked again). */
export const MAX_NAME_CHARS = 200;
/** Words kept of a name ("my name is …" taken off first). */
export const MAX_NAME_WORDS = 6;
