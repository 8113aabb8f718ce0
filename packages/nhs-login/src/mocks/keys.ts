// TEST-ONLY. The key NHS login's mock signs ID tokens and access tokens with. It is published in this package on
// purpose, so anyone can forge tokens with it: it must never be trusted outside nhskit's mocks and tests. Made
// with node:crypto generateKeyPairSync("rsa", { modulusLength: 2048 }) for nhskit.

/** The key id NHS login's mock puts in every token it signs. */
export const MOCK_SIGNING_KID = "nhskit-nhs-login-mock-TEST-ONLY";

/** The public half, as the mock's /.well-known/jwks.json serves it. */
export const MOCK_SIGNING_PUBLIC_JWK = {
  kty: "RSA",
  n: "jUfojhzcy6iMNh-46RVOodG9l-E-j-kWKkgUJhQF5mTcB8zokmmztqwy22WnzK5C9eXTml6p-WM-VlHU8QnoeES8xjvGdh9ej8KM-_pmxkdg6RxKUcBUDTXo8wvOJZgnbqrF4nYCfoWpA0wvd4tFHVsIDs0sD6xmsK1crqhyelAxR8qpGVCZl8NBWuVrjAsOVJjS7DClKq60jhycQj4ThANpo6RWMvhCzaWIYtbIQZOePEUQu8gIGK64WNfSgozHKFF3f_Ycmab7q99Ki7k7xSnbubku3v0ePPwEB15ZBrzY0RiubH-NrDFEjxUeg4bknRfWup4msdWCLAwyt3nZyw",
  e: "AQAB",
  alg: "RS512",
  use: "sig",
  kid: "nhskit-nhs-login-mock-TEST-ONLY",
} as const;

/** The private half (RSA, RS512). TEST-ONLY: public, so worthless as a secret. */
export const MOCK_SIGNING_PRIVATE_JWK = {
  kty: "RSA",
  n: "jUfojhzcy6iMNh-46RVOodG9l-E-j-kWKkgUJhQF5mTcB8zokmmztqwy22WnzK5C9eXTml6p-WM-VlHU8QnoeES8xjvGdh9ej8KM-_pmxkdg6RxKUcBUDTXo8wvOJZgnbqrF4nYCfoWpA0wvd4tFHVsIDs0sD6xmsK1crqhyelAxR8qpGVCZl8NBWuVrjAsOVJjS7DClKq60jhycQj4ThANpo6RWMvhCzaWIYtbIQZOePEUQu8gIGK64WNfSgozHKFF3f_Ycmab7q99Ki7k7xSnbubku3v0ePPwEB15ZBrzY0RiubH-NrDFEjxUeg4bknRfWup4msdWCLAwyt3nZyw",
  e: "AQAB",
  alg: "RS512",
  use: "sig",
  kid: "nhskit-nhs-login-mock-TEST-ONLY",
  d: "PYo8F2MlHiUt5gmNXyIj3ULiRf0cZk1OlV5OQIPqSgBXA6LTD6uxV3nMsVqna_XgPwI8WPqxKWt8ZNdCXThGpdSzMdopyZxCcXZ6OOxKxkWjRgdHrDKNqi94aB4VTrTnQEJs7gcfcQNBqqkN6BGnKnFTojbm4XDkTkNFouLG8tXDzdz-4b5BO8mSnge2U-9tjadPMsm2QpPioPjwt63kmbuXImewecnxSqsx2JUAzV4UduPScKhlGhaeDxE7YmWOc-AZhMGNPjAhpofXwD_TFndU48lGiA2G7pOJL3tJ_ajjmzaAggZL3kbeldRPD8shGIa4FzwU5rU8eNX9iQu1qQ",
  p: "xFIW2R6jFE6GxV5RU--wGWLb4qrc9YGQFNpleXgz45Y-DQisCaXMK0M_OgFePQNv0FttXn_55m4zz3L9HFRom2SUikzun1bwEqfUJ2tRlHSbBK9dRKTAMDfn30gRd8t8sjGPjcVi1znZN-gliT1yBeojNuw8c9S4pOIFg0xX9oU",
  q: "uDqO1QDh2OHeIcHtTu96koqVjcfFXm3MFWUb0ZTY2oPeu4KdhTkK9KjuIDeaKQaITCJkxcms2H6RZjuZvu1S0nXwQ07kI4YDc2GG6letKvv9NfroAUfJofI5dcwA1GrHwe7s6c1DKsCNpoEMZa5yDc8tsF6wEytdBsXf2hYZSA8",
  dp: "sauVD_QBJMyYfaCJO8xs89ybITz-8ZTK_4RTV6YoV6zOBV-2ypho-TJH00gPsGoe1FMZ3O83C4rqirEHTo85iIBzSeKsBjpY1JlckDw4vYD2FjxazVfIsxq1V0ZSwLbA6EegIm7jr-KjqkwHRHf-bEnkir0rTKzUWixPTu9VoD0",
  dq: "c580w1QRalefXNpkAHVmHRBi-h-VrEUGn6rcQbXEP6ghotc_2zvIt3JKOOgMlZDm-7leO4_uLdWJlXr0bBJwN2wThXq-zdiu07wyu2KZaO_LpBQ7hYozbrMiAt8s6iO2CO3VvIq5i9xbSlOVnz9Tj30mdJmIsg82DCkl666Q4Vs",
  qi: "RHq_IpUo4gM2bpnuZkDBZ4lKwdaCx84sEu1Wh1WIFQKSaVr3XHIuo4h7xDDaRz1g9L7y5IlpMtoACZoIx-iW62TPSXQVeZm-rOzqHZewAcCYnl4su3Q3xBHZ1_GZrOUhAPZdTNGfc8sv4LegU0Z6nrJJKnN4Y_Sbcl22VZ6X8CA",
} as const;
