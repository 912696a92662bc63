// What every benchmark page of the demo measures with: the moment the widget's DOM reaches a
// state, observed rather than polled so the time is that of the change itself.

/** Resolves with the time at which `ready(root)` first holds, checked on every DOM change. */
export function when(root, ready) {
  return new Promise((ok) => {
    if (ready(root)) return ok(performance.now());
    const observer = new MutationObserver(() => {
      if (ready(root)) {
        observer.disconnect();
        ok(performance.now());
      }
    });
    observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}
