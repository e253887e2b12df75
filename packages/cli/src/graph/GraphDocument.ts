/** The dependency graph as `trellis graph --format json` prints it (the shape of `manager.graph()`). */
export interface GraphDocument {
  readonly nodes: readonly { readonly name: string; readonly version: string; readonly state?: string }[];
  /** From a plugin to what it depends on. */
  readonly edges: readonly {
    readonly from: string;
    readonly to: string;
    readonly kind?: string;
    readonly range?: string;
    readonly missing?: boolean;
  }[];
}
