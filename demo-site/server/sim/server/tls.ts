/**
 * A throwaway certificate authority and a server certificate it signs (SANs 127.0.0.1, ::1,
 * localhost and any extra hosts), so kubectl can verify the simulator with
 * `certificate-authority-data`. RSA keys come from Node's fast native generator.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import forge from 'node-forge';

export interface TlsMaterial {
  caPem: string;
  /** The CA's private key (PKCS#1 PEM): signs client certificates too (`issueClientCertificate`). */
  caKeyPem: string;
  certPem: string;
  keyPem: string;
}

export interface ClientCertificate {
  certPem: string;
  keyPem: string;
}

function rsaKeyPair(): {
  privateKey: forge.pki.rsa.PrivateKey;
  publicKey: forge.pki.rsa.PublicKey;
  pem: string;
} {
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  const key = forge.pki.privateKeyFromPem(privateKey);
  return { privateKey: key, publicKey: forge.pki.setRsaPublicKey(key.n, key.e), pem: privateKey };
}

function serialNumber(): string {
  // Positive: clear the top bit of the first byte.
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  return bytes.toString('hex');
}

function validity(cert: forge.pki.Certificate, years: number): void {
  const now = Date.now();
  cert.validity.notBefore = new Date(now - 60 * 60 * 1000);
  cert.validity.notAfter = new Date(now + years * 365 * 24 * 60 * 60 * 1000);
}

export function generateTlsMaterial(extraHosts: readonly string[] = []): TlsMaterial {
  const ca = rsaKeyPair();
  const caCert = forge.pki.createCertificate();
  caCert.publicKey = ca.publicKey;
  caCert.serialNumber = serialNumber();
  validity(caCert, 10);
  const caSubject = [{ name: 'commonName', value: 'keda-sim-ca' }];
  caCert.setSubject(caSubject);
  caCert.setIssuer(caSubject);
  caCert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  caCert.sign(ca.privateKey, forge.md.sha256.create());

  const server = rsaKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = server.publicKey;
  cert.serialNumber = serialNumber();
  validity(cert, 1);
  cert.setSubject([{ name: 'commonName', value: 'kube-apiserver' }]);
  cert.setIssuer(caSubject);
  const ips = new Set(['127.0.0.1', '::1']);
  const dns = new Set(['localhost', 'kubernetes', 'kubernetes.default']);
  for (const host of extraHosts) {
    if (!host || host === '0.0.0.0' || host === '::') continue;
    if (isIP(host)) ips.add(host);
    else dns.add(host);
  }
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: [
        ...[...dns].map((value) => ({ type: 2, value })),
        ...[...ips].map((ip) => ({ type: 7, ip })),
      ],
    },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(ca.privateKey, forge.md.sha256.create());

  return {
    caPem: forge.pki.certificateToPem(caCert),
    caKeyPem: ca.pem,
    certPem: forge.pki.certificateToPem(cert),
    keyPem: server.pem,
  };
}

/**
 * A client certificate signed by the CA of `material`, as kubeadm issues them: the user is the
 * commonName, the groups are the organizations (`system:masters` is the admin group).
 */
export function issueClientCertificate(
  material: Pick<TlsMaterial, 'caPem' | 'caKeyPem'>,
  commonName: string,
  organizations: readonly string[] = [],
): ClientCertificate {
  const caCert = forge.pki.certificateFromPem(material.caPem);
  const caKey = forge.pki.privateKeyFromPem(material.caKeyPem);
  const client = rsaKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = client.publicKey;
  cert.serialNumber = serialNumber();
  validity(cert, 1);
  cert.setSubject([
    ...organizations.map((value) => ({ name: 'organizationName', value })),
    { name: 'commonName', value: commonName },
  ]);
  cert.setIssuer(caCert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', clientAuth: true },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(caKey, forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem: client.pem };
}
