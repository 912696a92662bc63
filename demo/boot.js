// The one script a host page includes. It loads the Relais bundle, which defines
// <relais-liaison-book> and <relais-needs-questionnaire>.
import init from "./relais-embed.js";

await init({ module_or_path: new URL("relais-embed_bg.wasm", import.meta.url) });
