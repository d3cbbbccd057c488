/** Small helpers over `createRenderer`'s rendered nodes. */

interface AnyNode {
  nodeType: string;
  text: string | null;
  childNodes?: readonly AnyNode[];
}

/** All text under a rendered node, in order, joined by single spaces (`.text` is null for containers). */
export function textOf(node: AnyNode): string {
  if (node.nodeType === 'text') return node.text ?? '';
  return (node.childNodes ?? [])
    .map((child) => textOf(child))
    .filter((t) => t !== '')
    .join(' ');
}

/**
 * Fires an event prop with a value. The SDK types `trigger`'s argument as the handler itself, not
 * the value it receives, so a value needs this cast.
 */
export function fire(node: { trigger: (...args: never[]) => void }, event: string, value?: unknown): void {
  (node.trigger as (event: string, value?: unknown) => void)(event, value);
}
