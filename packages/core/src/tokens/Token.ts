declare const tokenType: unique symbol;

/**
 * A typed service identifier: a registered symbol that also carries, for the compiler only, the
 * type of the value it resolves to. Create one with {@link createToken}.
 */
export type Token<T> = symbol & { readonly [tokenType]?: T };

/** The value type a {@link Token} resolves to. */
export type TokenType<TToken> = TToken extends Token<infer T> ? T : never;
