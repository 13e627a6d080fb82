import { generateKeyPairSync } from "node:crypto";

/** A private key in the form GitHub hands an App (PKCS#1 PEM), made once per test process. */
export const APP_PRIVATE_KEY = generateKeyPairSync("rsa", { modulusLength: 2048 })
  .privateKey.export({ type: "pkcs1", format: "pem" })
  .toString();
