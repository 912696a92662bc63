// Web Locks are behind web-sys's unstable APIs, so this one call is plain JS.
// The lock is held until `release()` or until the tab dies; the browser then hands it to the
// next tab waiting for the same name, which becomes the client group's leader.
export function requestLeadership(name, onAcquired) {
  let release;
  const held = new Promise((resolve) => {
    release = resolve;
  });
  navigator.locks.request(name, () => {
    onAcquired();
    return held;
  });
  return { release: () => release() };
}
