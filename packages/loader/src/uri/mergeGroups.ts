/** Named, ordered lists of plugin URIs (`{ middleware: ['./cors.js#cors', '@acme/auth#auth'] }`). */
export type UriGroups = Readonly<Record<string, readonly string[]>>;

/**
 * Merges group lists in order: groups of the first source come first, the URIs of later sources are
 * appended to their group, and a URI repeated within a group keeps its first place. Config-file groups
 * go first, groups given in code after.
 */
export function mergeGroups(...sources: readonly (UriGroups | undefined)[]): Map<string, string[]> {
  const merged = new Map<string, string[]>();
  for (const source of sources) {
    if (source === undefined) continue;
    for (const [group, uris] of Object.entries(source)) {
      let list = merged.get(group);
      if (list === undefined) {
        list = [];
        merged.set(group, list);
      }
      for (const uri of uris) if (!list.includes(uri)) list.push(uri);
    }
  }
  return merged;
}
