// TEST-ONLY. This key pair was made with `nhskit keys generate --kid nhskit-demo-TEST-ONLY` for nhskit's
// sandbox and tests. It is public, so it must never be registered for a real application; the platform
// would accept it from anyone. The same values are in the .pem and .jwks.json files beside this one
// (a test checks they match).

/** The demo application's API key: the sandbox's token endpoint knows it; no real environment does. */
export const DEMO_API_KEY = "nhskit-demo-TEST-ONLY-api-key";

/** The demo application's secret (used by the refresh_token grant). TEST-ONLY. */
export const DEMO_CLIENT_SECRET = "nhskit-demo-TEST-ONLY-client-secret";

/** The key id registered in the demo application's JWKS. */
export const DEMO_KID = "nhskit-demo-TEST-ONLY";

/** The demo application's public key set, as registered with the sandbox's token endpoint. */
export const DEMO_JWKS = {
  keys: [
    {
      kty: "RSA",
      n: "mDqVqvIYO2fpjoqdHHJeqtvj78WH87vEy_tuiP4O4DHaGikgptNbHEIW6NVFGysrmhSz9GVVMH8DCn2tWOzjPI-fJdzoenKZ6UTJatkCGtEEifOpecrPPJOlTWLm9i4YiGdkwG1S2k2vdO2T7DXxZExH9nepnWYemLfacGLmPAhi6TaPBPsP5TkeqMNYalsAT3MzXHPixZ1bCq9TzqaOvf_oiECY_2_sG48rApxblrW8Ew-VxbZiM5zdPvXQurgjQkJfyMRwz64P83polYfJp3W48gNTDCfbEX3FhIns_AEqekS5UWEooCF3mjMv457syZ-KFxq2mTmq-Cy75JmZ6tgAIRApSMw-WtoD2OSr3LeK0pHfcFZbWjyqIEmudAa7W1cTlw1Hl4t3CL0_hNQIcxTCGVFGkSwqb_KZZEHPf3KAp1sM-OckwjM76bXpYxNzPfKyOizOCnKFmragrlkUMc-SjcwXRbzivfc6hKrxbExKVpQGJ1Ohh2GKA74NBTIsYv_L4kDuGTFfsplAMgUME8CAnenPDuX-1EWuqF4nE3r7bBhEI7XdTwzV_YRDxP0iCS5g6jQm02ozQ2l3PlqFWdTSjy4hULjBAkaVbg0AS9hgAq2sGQR4n-P9FV1L5LCyRDS-q9wV5gdGA5__7fs4KjLIiMj40hMT2Px6rcF6tiE",
      e: "AQAB",
      alg: "RS512",
      use: "sig",
      kid: "nhskit-demo-TEST-ONLY",
    },
  ],
} as const;

/** The demo application's private key (PKCS#8 PEM). TEST-ONLY: published on purpose, so worthless as a secret. */
export const DEMO_PRIVATE_KEY_PEM = `-----BEGIN PRIVATE KEY-----
MIIJQQIBADANBgkqhkiG9w0BAQEFAASCCSswggknAgEAAoICAQCYOpWq8hg7Z+mO
ip0ccl6q2+PvxYfzu8TL+26I/g7gMdoaKSCm01scQhbo1UUbKyuaFLP0ZVUwfwMK
fa1Y7OM8j58l3Oh6cpnpRMlq2QIa0QSJ86l5ys88k6VNYub2LhiIZ2TAbVLaTa90
7ZPsNfFkTEf2d6mdZh6Yt9pwYuY8CGLpNo8E+w/lOR6ow1hqWwBPczNcc+LFnVsK
r1POpo69/+iIQJj/b+wbjysCnFuWtbwTD5XFtmIznN0+9dC6uCNCQl/IxHDPrg/z
emiVh8mndbjyA1MMJ9sRfcWEiez8ASp6RLlRYSigIXeaMy/jnuzJn4oXGraZOar4
LLvkmZnq2AAhEClIzD5a2gPY5Kvct4rSkd9wVltaPKogSa50BrtbVxOXDUeXi3cI
vT+E1AhzFMIZUUaRLCpv8plkQc9/coCnWwz45yTCMzvpteljE3M98rI6LM4KcoWa
tqCuWRQxz5KNzBdFvOK99zqEqvFsTEpWlAYnU6GHYYoDvg0FMixi/8viQO4ZMV+y
mUAyBQwTwICd6c8O5f7URa6oXicTevtsGEQjtd1PDNX9hEPE/SIJLmDqNCbTajND
aXc+WoVZ1NKPLiFQuMECRpVuDQBL2GACrawZBHif4/0VXUvksLJENL6r3BXmB0YD
n//t+zgqMsiIyPjSExPY/HqtwXq2IQIDAQABAoICACUoOaOcC7umYc0z+uT4arCY
U0MRq11cIg1rPiAMqVtid7rmeoyV7vmPDTIAaqmWyEIIFyPKvzhC7F5ZbmBUFCRS
ZzWR/iHzSqu0aVieByQ+DDZTBjVPAnYmENV6lGcXOdBDsoVAuhZEm5T2L6LayOTj
NLaNn1Zm2IWM7PH9Rfb10hTcRx0fXhIktt3ZLsHpHAKIm0sQE1SKk/Af+xwoLhPk
/OCTKfVBn7dbYxN0UGvRSMq7RWLY4Y/5FEz7qdsFur9/3YrvHh0nPsf+wzvqhNeO
Bdp24sTHDrMuiLGRDAo4C6MEFtrtFQI/IQc/wsrz3hbZzRZWJCdy+s8wdh12u6mF
IOYsxuDcLoGovDr5RnthwlW+G7SKHAAjTpPg5yuhLgYae7OiAXceMJsHpcxoEHpc
g/KUXGCWehsXjpexgZwd2Px7Qm6Thnu3mcOARxoKoqrLwUJnf4QSlvJyhNgrh7av
+k6TYSJfeWBgG/1ZPl7edH9rfrDl3IEuXOtf84HCxXCfRkdlkDiUWK6dwo3EkNag
Gi8pXxJQY55KvSCsU0wnAAbdJmk9SLS/pwqEohb6GO03PwFQtE1rTzymJaiiSLNO
GuXTBMszlcosrPHXAMFL//w3CY6vzZZRWKuGuBay+Ol7CGWiTUFBEHanNlY5GK7K
HGnNtFzyUo9xb7VqEReFAoIBAQDWt4BlCmN2tx/NYUOywZduEl/ccXuezxW7zwnb
x59AK8PEs7e8+DShbPue35j8Bimj29xkX1Ra31y+6s8IEH8HgFTuhB5JavsJxHit
l47JSQw0K3sT4wp3On90GFL8eQF3+7Mal54UD/zcg5GQ/BsqOXvyIE25ILe6FGIR
Q/gwE4pH8cvd5EhPZ8OSkqi/gTG1x1/pnW8ily3KQVVxCI6VOPwD8Dq+V2v0hgP4
496wKmGR3LL/0cLOvKKs8OZ673rm9z0XNb3MigNjxqqlzR32R//F6yWWsQEqv76I
O1/jc0SR/Kl8U9X5AetS0lMb1np05odA+wmJ3bkXvuTOkHrtAoIBAQC1f2LI+VFp
PQaw27P7LDaqBtIrRCtIdOs8fY/IQl6Foh2E1LPC9LCisXUuAzrFH3lXxPIZ7NPY
uDxvhvRxfhk2MWDwYPXi5x2Ep0UF3ItY20FgbSWP4SD4ewHziCx/jBMEYmw6WeET
0CDQ5t0wcHfX/jAwnfgYzWj3p3hI2+Qo0VVvooNvf73ajw2Qsff68Apb6UBwu6Qi
AE1sHgJc1ZnF4dafFF3sa+7sc2tUKWMD1o0OI9fUZyWFkH9vfgFL9UXUQqF6n2EA
pKNEletkX7MQ707BnyHnjVedPPUHup5dr4a0P1L1kPa+16ZAYjqLzFFm4L9BgJp+
46O7eYemth2FAoIBAFi8BSe8n1ZUX6Q06hFZyAcJOOyVSY1b75NqAJz/ZmTSsVj9
HJXPzZBYxbPmnAarVVIObopcizPy0xVjXKPsjVLASlk36HxW5eAnfefflnbA5XY5
8edKEO0tE7caxlDogR7guifnOMD5ynonNWVBishscTii+Pvk9YjFG7Ie8NaNfLw2
xRWyXd/S9hQA4BQkhDKnbo/RLDiTWa0YSwMnkiVBI4VNJjm7TzYCnGmjYkhTe3cY
SjFGssdVVbU66UUs6xHAY1LQNtvsvXHijGtw1U0OfDmC8EnSZLUSAN+0CfCpllDu
pexniSobDPFxUj9S59Cf5I2KMWr0YqXZkh17wBECggEAUaACq2QFSxEZCz0jypht
1TXQG4lC9gkvKjtGCMhgfjUUlYKbfdhSADlS++iT68dl6SU3xJUQCW2CMJ4/HTOa
3xaCBFl2/B741YnsruArA0FIO7eapwSWsWmQzRe2+33hp50kE3IMmb6Go6zQWVKb
c1ZsEdFZnL30sTxuCkZqbDkI9XXfKqwGlF61uRdw8Tg3UHKseobJIEmGiFNOuLWP
vMD+pvif7Q31m/2kjWs3jqhVM8DG9k2VQGZmCZxftOuQBhAZU26OT527l8Lc5H1t
qPYXM1kABIU6nAqoIFu7kWK5cCLyimIxtk6CBH6o2ep/yYbWPP07fkmef1f+u+k3
iQKCAQBzaeFa930bhr/1B93XVeJfkgV2ge9V/oeszZx+h5FcF7t1qbq1wNl+THlO
KyYfJEeh0SQP/nEb/GznBE1JNC/xNEf4LE3fWfdGIl1IMogA9Qo9+hkZW4yAVcIz
pA73rhE8//L49AspHLMTZrHvbtR8YnxROHRIWy+3rvtHYOL/GX6SlhDFw55lYKRJ
3UmzPhpgq7JQ0Vk+umTfDt0tVa9Y1I2KqSI8ZMwnIUUETBH6/FSf/QXAIj8ykSj1
xFE5+GoLQGxj588kAAdg6E4OOydHCkAA1VdLHclkZf7nQeXdPVQLqkiJpN2p4zyZ
bDINFWvEjRjkA2YlG7xgVgUM75Qk
-----END PRIVATE KEY-----
`;
