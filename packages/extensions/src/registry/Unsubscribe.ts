/** Removes the handler registered by the `on()` call that returned it. */
export type Unsubscribe = () => void;
