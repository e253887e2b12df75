/** The longest time limit in ms a timer can hold (2^31 − 1); Node fires longer ones after 1 ms. */
export const MAX_TIMEOUT = 2_147_483_647;
