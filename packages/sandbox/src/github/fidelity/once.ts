/**
 * Wraps a pure, expensive loader so it runs at most once per process. Use only for values that
 * never change (parsed schemas shipped in packages), never for request or installation state.
 */
export function once<T>(load: () => T): () => T {
  let loaded: { readonly value: T } | undefined;
  return () => {
    loaded ??= { value: load() };
    return loaded.value;
  };
}
