/**
 * Each worker is a browser page with its own renderer process (a few hundred MB for a part of a
 * long report): on a machine with many cores, more would cost memory for little time, since the
 * merge and the print of the whole document come after them anyway.
 */
export const MAX_WORKERS = 4
