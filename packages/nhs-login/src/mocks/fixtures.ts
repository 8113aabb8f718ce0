import { DEMO_API_KEY, DEMO_CLIENT_SECRET, DEMO_JWKS } from "@nhskit/auth/mocks";

// Our own test people. The NHS numbers and CIS2 user ids are the ones the platform's non-production mock
// identity providers use (sandbox fact 28); every name, date and contact detail here is invented.

export type ProofingLevel = "P0" | "P5" | "P9";

export interface NhsLoginTestUser {
  readonly nhsNumber: string;
  readonly level: ProofingLevel;
  /** NHS login's subject id for this person. */
  readonly sub: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly birthdate: string;
  readonly email: string;
  readonly phone: string;
}

export interface Cis2TestUser {
  /** The CIS2 user id (UUID). */
  readonly uid: string;
  readonly aal: "aal1" | "aal2" | "aal3";
  readonly givenName: string;
  readonly familyName: string;
  readonly roleId: string;
  readonly roleName: string;
  readonly orgCode: string;
}

export const NHS_LOGIN_TEST_USERS: readonly NhsLoginTestUser[] = [
  {
    nhsNumber: "9912003071",
    level: "P9",
    sub: "49f470a1-cc52-49b7-beba-0f9cec937c46",
    givenName: "Ivy",
    familyName: "Marsh",
    birthdate: "1985-06-14",
    email: "ivy.marsh@example.org",
    phone: "+447700900071",
  },
  {
    nhsNumber: "9912003072",
    level: "P5",
    sub: "7b1d43e2-5f0c-4a8e-9d3b-2c6e81f0a472",
    givenName: "Theo",
    familyName: "Brennan",
    birthdate: "1992-11-02",
    email: "theo.brennan@example.org",
    phone: "+447700900072",
  },
  {
    nhsNumber: "9912003073",
    level: "P0",
    sub: "c3e9a0b4-18d2-4f67-8a51-9e0d7b2f6c13",
    givenName: "Ada",
    familyName: "Quinn",
    birthdate: "2001-03-27",
    email: "ada.quinn@example.org",
    phone: "+447700900073",
  },
];

export const CIS2_TEST_USERS: readonly Cis2TestUser[] = [
  {
    uid: "656005750110",
    aal: "aal1",
    givenName: "Rowan",
    familyName: "Pike",
    roleId: "555254239107",
    roleName: "Receptionist",
    orgCode: "Y12345",
  },
  {
    uid: "656005750109",
    aal: "aal2",
    givenName: "Sana",
    familyName: "Iqbal",
    roleId: "555254240100",
    roleName: "Nurse",
    orgCode: "Y12345",
  },
  {
    uid: "656005750104",
    aal: "aal3",
    givenName: "Felix",
    familyName: "Ogden",
    roleId: "555254242105",
    roleName: "General Medical Practitioner",
    orgCode: "Y12345",
  },
];

/**
 * Callback URLs the TEST-ONLY demo app and demo NHS login client are registered with: the playground on
 * 127.0.0.1 or localhost port 5173, and a placeholder host for examples and tests (`.example` never resolves).
 */
export const DEMO_REDIRECT_URIS: readonly string[] = [
  "http://127.0.0.1:5173/callback",
  "http://localhost:5173/callback",
  "https://nhskit-demo.example/callback",
];

/** The TEST-ONLY demo client NHS login's mock knows; it authenticates with the demo app's key pair. */
export const DEMO_NHS_LOGIN_CLIENT_ID = "nhskit-demo-TEST-ONLY-nhs-login-client";

/** An application the platform's `/oauth2` mock knows for combined authentication. */
export interface PlatformAppRegistration {
  apiKey: string;
  clientSecret: string;
  /** The registered callback URL(s); the platform allows one, the mock several. */
  redirectUris: readonly string[];
}

/** A service NHS login's mock knows. */
export interface NhsLoginClientRegistration {
  clientId: string;
  /** The public keys its client assertions are signed with. */
  jwks: { keys: ReadonlyArray<Record<string, unknown>> };
  redirectUris: readonly string[];
}

export const DEMO_PLATFORM_APP: PlatformAppRegistration = {
  apiKey: DEMO_API_KEY,
  clientSecret: DEMO_CLIENT_SECRET,
  redirectUris: DEMO_REDIRECT_URIS,
};

export const DEMO_NHS_LOGIN_CLIENT: NhsLoginClientRegistration = {
  clientId: DEMO_NHS_LOGIN_CLIENT_ID,
  jwks: DEMO_JWKS as unknown as NhsLoginClientRegistration["jwks"],
  redirectUris: DEMO_REDIRECT_URIS,
};

/** The default `apikey` for `/oauth2/_status` in the mock (the platform's real status key is internal). */
export const MOCK_STATUS_API_KEY = "nhskit-status-TEST-ONLY";
