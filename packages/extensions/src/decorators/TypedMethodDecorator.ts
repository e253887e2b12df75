/**
 * A method decorator that accepts only methods assignable to `THandler` (the handler type of a
 * typed point): a method whose parameter or return type does not fit fails to compile.
 */
export type TypedMethodDecorator<THandler> = <TMethod extends THandler>(
  target: object,
  method: string | symbol,
  descriptor: TypedPropertyDescriptor<TMethod>,
) => void;
