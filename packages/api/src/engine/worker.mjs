// Entry of an engine worker thread. The server runs TypeScript from source through tsx; a worker
// thread starts without the parent's loader, so it registers tsx itself before loading the engine.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
