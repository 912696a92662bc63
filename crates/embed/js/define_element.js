// The one thing wasm-bindgen cannot express: a class that extends HTMLElement.
// Rust owns everything inside the element; this class only forwards the lifecycle.
export function defineElement(name, observedAttributes, css, mount, unmount) {
  if (customElements.get(name)) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);

  class RelaisElement extends HTMLElement {
    static get observedAttributes() {
      return observedAttributes;
    }

    constructor() {
      super();
      // Open, so browser tools, accessibility checkers and test drivers can see in.
      this.attachShadow({ mode: "open" }).adoptedStyleSheets = [sheet];
    }

    connectedCallback() {
      this.#remount();
    }

    disconnectedCallback() {
      this.#unmount();
    }

    attributeChangedCallback(_name, oldValue, newValue) {
      if (oldValue !== newValue && this.isConnected) this.#remount();
    }

    #remount() {
      this.#unmount();
      this.relaisHandle = mount(this, this.shadowRoot);
    }

    #unmount() {
      if (this.relaisHandle !== undefined) {
        unmount(this.relaisHandle);
        this.relaisHandle = undefined;
      }
    }
  }

  customElements.define(name, RelaisElement);
}
