/** Ids the engine gives feed items it creates at run time. */

/** Feed id of the statement published by decision `seq`. */
export const statementId = (seq: number): string => `statement-${seq}`;
