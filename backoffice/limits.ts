/** The spec's default and largest date window for GET requests and servicerequestupdates. */
export const MAX_RANGE_DAYS = 90;
/** The most rows one list answers. */
export const MAX_RESULTS = 1000;
