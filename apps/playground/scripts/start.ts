// `pnpm start`: the local sandbox on 127.0.0.1:9000 and the playground on 127.0.0.1:5173, offline.
import { fileURLToPath } from "node:url";
import { createSandboxServer } from "@nhskit/sandbox";
import { preview } from "vite";

const sandboxPort = Number(process.env.SANDBOX_PORT ?? 9000);
const playgroundPort = Number(process.env.PORT ?? 5173);

const sandbox = await createSandboxServer({ port: sandboxPort, log: (line) => console.log(`sandbox  ${line}`) }).catch(
  (error: NodeJS.ErrnoException) => {
    console.error(
      error.code === "EADDRINUSE"
        ? `Port ${sandboxPort} is in use: is a sandbox already running? Set SANDBOX_PORT to use another.`
        : `The sandbox could not start: ${error.message}`,
    );
    process.exit(1);
  },
);
const server = await preview({
  root: fileURLToPath(new URL("..", import.meta.url)),
  preview: { host: "127.0.0.1", port: playgroundPort, strictPort: true, open: false },
  logLevel: "warn",
});
const sandboxParam = sandboxPort === 9000 ? "" : `?sandbox=${encodeURIComponent(sandbox.url)}`;
console.log(`\nnhskit playground: http://127.0.0.1:${playgroundPort}/${sandboxParam}`);
console.log(`local sandbox:     ${sandbox.url}  (GET / lists the APIs)\n`);

const stop = async () => {
  await Promise.allSettled([sandbox.close(), server.close()]);
  process.exit(0);
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
