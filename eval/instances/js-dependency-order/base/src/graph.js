// A directed graph of packages: an edge from A to B means "A depends on B".

export class Graph {
  #deps = new Map();

  addNode(name) {
    if (typeof name !== "string" || name.trim() === "") {
      throw new TypeError(`a package name must be a non-empty string, got ${JSON.stringify(name)}`);
    }
    if (!this.#deps.has(name)) this.#deps.set(name, new Set());
    return this;
  }

  addEdge(from, to) {
    this.addNode(from).addNode(to);
    this.#deps.get(from).add(to);
    return this;
  }

  has(name) {
    return this.#deps.has(name);
  }

  nodes() {
    return [...this.#deps.keys()].sort();
  }

  dependenciesOf(name) {
    const deps = this.#deps.get(name);
    if (!deps) throw new Error(`unknown package '${name}'`);
    return [...deps].sort();
  }

  dependentsOf(name) {
    if (!this.has(name)) throw new Error(`unknown package '${name}'`);
    return this.nodes().filter((node) => this.#deps.get(node).has(name));
  }
}
