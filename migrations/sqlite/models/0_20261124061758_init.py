from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "users" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "subject" VARCHAR(255) NOT NULL UNIQUE /* The JWT `sub` claim */,
    "email" VARCHAR(320),
    "role" VARCHAR(16) NOT NULL /* USER: user\nADMIN: admin */,
    "credits" INT NOT NULL /* Spendable balance; always the sum of the ledger */,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS "credit_ledger" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "amount" INT NOT NULL /* Change of the spendable balance (negative for a hold) */,
    "held_delta" INT NOT NULL /* Change of the credits on hold */,
    "kind" VARCHAR(16) NOT NULL /* SIGNUP: SIGNUP\nGRANT: GRANT\nRESERVE: RESERVE\nCAPTURE: CAPTURE\nREFUND: REFUND */,
    "balance_after" INT NOT NULL,
    "reference" VARCHAR(64) /* What it is for, e.g. a batch job id */,
    "description" VARCHAR(500) NOT NULL,
    "idempotency_key" VARCHAR(200) NOT NULL UNIQUE,
    "created_at" TIMESTAMP NOT NULL,
    "user_id" CHAR(36) NOT NULL REFERENCES "users" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_credit_ledg_user_id_509651" ON "credit_ledger" ("user_id", "created_at");
CREATE INDEX IF NOT EXISTS "idx_credit_ledg_referen_879eb9" ON "credit_ledger" ("reference");
CREATE TABLE IF NOT EXISTS "playground_projects" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "name" VARCHAR(120) NOT NULL,
    "description" TEXT NOT NULL,
    "generation_type" VARCHAR(32) /* TEXT_TO_IMAGE: TEXT_TO_IMAGE\nEDIT: EDIT\nMULTI_REFERENCE: MULTI_REFERENCE\nSEQUENTIAL: SEQUENTIAL\nEDIT_SEQUENTIAL: EDIT_SEQUENTIAL */,
    "batch_size" INT NOT NULL,
    "style_presets" JSON NOT NULL /* Ids of the presets used in this project */,
    "processing_status" VARCHAR(16) NOT NULL /* IDLE: IDLE\nQUEUED: QUEUED\nPROCESSING: PROCESSING\nCOMPLETED: COMPLETED\nFAILED: FAILED */,
    "metadata" JSON NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "owner_id" CHAR(36) NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_playground__owner_i_833f8c" ON "playground_projects" ("owner_id", "created_at");
CREATE INDEX IF NOT EXISTS "idx_playground__owner_i_84e435" ON "playground_projects" ("owner_id", "processing_status");
CREATE TABLE IF NOT EXISTS "playground_style_presets" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "name" VARCHAR(120) NOT NULL,
    "description" TEXT NOT NULL,
    "prompt_template" TEXT NOT NULL,
    "parameters" JSON NOT NULL /* Generation settings the preset carries */,
    "default_intensity" REAL NOT NULL,
    "visibility" VARCHAR(16) NOT NULL /* PRIVATE: PRIVATE\nSHARED: SHARED\nPUBLIC: PUBLIC */,
    "share_code" VARCHAR(32) UNIQUE,
    "version" INT NOT NULL,
    "usage_count" INT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "forked_from_id" CHAR(36) REFERENCES "playground_style_presets" ("id") ON DELETE SET NULL,
    "owner_id" CHAR(36) NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_playground__owner_i_53b5bf" ON "playground_style_presets" ("owner_id", "created_at");
CREATE INDEX IF NOT EXISTS "idx_playground__visibil_ec987c" ON "playground_style_presets" ("visibility", "created_at");
CREATE TABLE IF NOT EXISTS "playground_batch_jobs" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "mode" VARCHAR(32) NOT NULL /* TEXT_TO_IMAGE: TEXT_TO_IMAGE\nEDIT: EDIT\nMULTI_REFERENCE: MULTI_REFERENCE\nSEQUENTIAL: SEQUENTIAL\nEDIT_SEQUENTIAL: EDIT_SEQUENTIAL */,
    "status" VARCHAR(20) NOT NULL /* QUEUED: QUEUED\nRUNNING: RUNNING\nCANCEL_REQUESTED: CANCEL_REQUESTED\nSUCCEEDED: SUCCEEDED\nPARTIALLY_SUCCEEDED: PARTIALLY_SUCCEEDED\nFAILED: FAILED\nCANCELLED: CANCELLED */,
    "prompts" JSON NOT NULL,
    "parameters" JSON NOT NULL /* Size, counts, seed, references, preset settings */,
    "width" INT NOT NULL,
    "height" INT NOT NULL,
    "total_images" INT NOT NULL,
    "completed_images" INT NOT NULL,
    "failed_images" INT NOT NULL,
    "credits_reserved" INT NOT NULL,
    "credits_captured" INT NOT NULL,
    "credits_refunded" INT NOT NULL,
    "event_seq" INT NOT NULL /* Sequence number of the last published event */,
    "idempotency_key" VARCHAR(200),
    "provider" VARCHAR(32) NOT NULL,
    "error_message" TEXT,
    "started_at" TIMESTAMP,
    "finished_at" TIMESTAMP,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "owner_id" CHAR(36) NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    "project_id" CHAR(36) NOT NULL REFERENCES "playground_projects" ("id") ON DELETE CASCADE,
    "retried_from_id" CHAR(36) REFERENCES "playground_batch_jobs" ("id") ON DELETE SET NULL,
    "style_preset_id" CHAR(36) REFERENCES "playground_style_presets" ("id") ON DELETE SET NULL,
    CONSTRAINT "uid_playground__owner_i_5c73f7" UNIQUE ("owner_id", "idempotency_key")
) /* One ``generate`` call: the job of record (the queue only carries its id). */;
CREATE INDEX IF NOT EXISTS "idx_playground__owner_i_e2d35c" ON "playground_batch_jobs" ("owner_id", "created_at");
CREATE INDEX IF NOT EXISTS "idx_playground__owner_i_4d06ef" ON "playground_batch_jobs" ("owner_id", "status");
CREATE INDEX IF NOT EXISTS "idx_playground__project_f3d087" ON "playground_batch_jobs" ("project_id", "created_at");
CREATE INDEX IF NOT EXISTS "idx_playground__status_b1eb0c" ON "playground_batch_jobs" ("status");
CREATE TABLE IF NOT EXISTS "playground_image_edits" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "batch_index" INT NOT NULL,
    "mode" VARCHAR(32) NOT NULL /* TEXT_TO_IMAGE: TEXT_TO_IMAGE\nEDIT: EDIT\nMULTI_REFERENCE: MULTI_REFERENCE\nSEQUENTIAL: SEQUENTIAL\nEDIT_SEQUENTIAL: EDIT_SEQUENTIAL */,
    "prompt" TEXT NOT NULL,
    "style_name" VARCHAR(120),
    "source_images" JSON NOT NULL /* Reference images (URLs in our storage) */,
    "size" VARCHAR(16) NOT NULL /* Requested size as WxH */,
    "seed" BIGINT,
    "status" VARCHAR(16) NOT NULL /* PENDING: PENDING\nRUNNING: RUNNING\nSUCCEEDED: SUCCEEDED\nFAILED: FAILED\nCANCELLED: CANCELLED */,
    "attempts" INT NOT NULL,
    "image_key" VARCHAR(255) /* Storage key of the result */,
    "image_url" VARCHAR(1024),
    "width" INT,
    "height" INT,
    "content_type" VARCHAR(64),
    "size_bytes" INT,
    "processing_time_ms" INT,
    "api_response" JSON,
    "error_category" VARCHAR(20) /* TRANSIENT: TRANSIENT\nCONTENT_POLICY: CONTENT_POLICY\nINVALID_INPUT: INVALID_INPUT\nPROVIDER_AUTH: PROVIDER_AUTH\nCANCELLED: CANCELLED\nINTERNAL: INTERNAL */,
    "error_code" VARCHAR(64),
    "error_message" TEXT,
    "credits" INT NOT NULL /* Credits charged for this image */,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "batch_job_id" CHAR(36) REFERENCES "playground_batch_jobs" ("id") ON DELETE CASCADE,
    "owner_id" CHAR(36) NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    "project_id" CHAR(36) NOT NULL REFERENCES "playground_projects" ("id") ON DELETE CASCADE
) /* One requested image: its inputs, its outcome and where it is stored. */;
CREATE INDEX IF NOT EXISTS "idx_playground__owner_i_d7f60b" ON "playground_image_edits" ("owner_id", "created_at");
CREATE INDEX IF NOT EXISTS "idx_playground__batch_j_559b4f" ON "playground_image_edits" ("batch_job_id", "batch_index");
CREATE INDEX IF NOT EXISTS "idx_playground__project_1a0234" ON "playground_image_edits" ("project_id", "created_at");
CREATE TABLE IF NOT EXISTS "playground_gallery" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "title" VARCHAR(200) NOT NULL,
    "description" TEXT NOT NULL,
    "tags" JSON NOT NULL,
    "is_public" INT NOT NULL,
    "is_favorite" INT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "image_edit_id" CHAR(36) NOT NULL REFERENCES "playground_image_edits" ("id") ON DELETE CASCADE,
    "owner_id" CHAR(36) NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_playground__owner_i_9e8492" UNIQUE ("owner_id", "image_edit_id")
);
CREATE INDEX IF NOT EXISTS "idx_playground__owner_i_5eed5f" ON "playground_gallery" ("owner_id", "created_at");
CREATE INDEX IF NOT EXISTS "idx_playground__is_publ_96fa06" ON "playground_gallery" ("is_public", "created_at");
CREATE TABLE IF NOT EXISTS "playground_usage_analytics" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "mode" VARCHAR(32) NOT NULL /* TEXT_TO_IMAGE: TEXT_TO_IMAGE\nEDIT: EDIT\nMULTI_REFERENCE: MULTI_REFERENCE\nSEQUENTIAL: SEQUENTIAL\nEDIT_SEQUENTIAL: EDIT_SEQUENTIAL */,
    "size_tier" VARCHAR(8) NOT NULL,
    "succeeded" INT NOT NULL,
    "images" INT NOT NULL,
    "credits" INT NOT NULL,
    "processing_time_ms" INT,
    "error_category" VARCHAR(20) /* TRANSIENT: TRANSIENT\nCONTENT_POLICY: CONTENT_POLICY\nINVALID_INPUT: INVALID_INPUT\nPROVIDER_AUTH: PROVIDER_AUTH\nCANCELLED: CANCELLED\nINTERNAL: INTERNAL */,
    "created_at" TIMESTAMP NOT NULL,
    "batch_job_id" CHAR(36) REFERENCES "playground_batch_jobs" ("id") ON DELETE SET NULL,
    "project_id" CHAR(36) REFERENCES "playground_projects" ("id") ON DELETE SET NULL,
    "style_preset_id" CHAR(36) REFERENCES "playground_style_presets" ("id") ON DELETE SET NULL,
    "user_id" CHAR(36) NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_playground__user_id_9eb346" ON "playground_usage_analytics" ("user_id", "created_at");
CREATE INDEX IF NOT EXISTS "idx_playground__batch_j_8a2a9b" ON "playground_usage_analytics" ("batch_job_id");
CREATE TABLE IF NOT EXISTS "aerich" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "version" VARCHAR(255) NOT NULL,
    "app" VARCHAR(100) NOT NULL,
    "content" JSON NOT NULL
);"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        """


MODELS_STATE = (
    "eJztXflz4jgW/ldU/JSu6k11yNFZdmurCHGnPUMgy9E9B1NuYQvwtLEZH0kzvf2/ryTb4E"
    "MG22AwjqpSwch6svmezu/pPX2vzQ0Fadb50EJmrQG+13Q4R/gilP4W1OBisU4lCTYcazSj"
    "g3PQFDi2bBPKNk6cQM1COElBlmyqC1s1dJyqO5pGEg0ZZ1T16TrJ0dW/HCTZxhTZM/oiv/"
    "+Bk1VdQd+Q5X9dfJUmKtKU0HuqCnk2TZfs5YKmDYfi/QeakzxuLMmG5sz1de7F0p4Z+iq7"
    "46jKOZEh96ZIRya0kRL4GeQtvZ/rJ7lvjBNs00GrV1XWCQqaQEcjYNT+PXF0mWAA6JPIv6"
    "v/eK8WyCZJne5A6gsDSaplwE42dIK7qtsEqO8/3HLXgNDUGnlA62Ozd3Z584ZCYFj21KQ3"
    "KVy1H1QQ2tAVpaCvUbac8Z8IqzYGdWsGTTbUAZEI3vh1i0HaByk9rLXBDIGfPg/AF/y6X4"
    "CsQXVeS4VzbQ6/SRrSp/YMf61fX28A/lOzR7HHuSj4Bm4mbuPpeLfq7j2ihDXoaA5VLQvk"
    "K4FcgHtwrvD2s6wBXzfr/IinrshhgC/r71IAjHMlAkzvhQE2DZyJia+gO3OKsYjfCeoyim"
    "Hty+6nbqfBmva0GbuN2rAv9BqASI705v2j2GkAqMxVPU8lv7hJoYKLm0QNkFthBcgmUlTb"
    "iutA1G12FQ9IRJDH71wU8u8ygt5fIF0hDwRjqJHa8y8AtRe4tAAe3YDlzIExoZcaUqaeTr"
    "frYkpe9x/1i6v3V7eXN1e3OAv9SauU9xvUI3YGcewJTBJk9Or3+I6tzlGiDgKSETUonui5"
    "f1GUUorsevAPVLq6tvR6xQ24DsRHoT9oPj6Rx80t6y+N4tccCOROnaYuI6ln0SayKgR8Fg"
    "cfAfkKfut2hOhAvco3+K1G3gk6tiHpxosElcB46Kf6qIW07iyUnFoPS3Ktl0XrPkYBtdO3"
    "JzPmydfAbI4kjKH89QWaihS6s64ebockIR1DhRj98p0n/+HnHtIgRTheGbylQ4t21W1aoo"
    "ALXJ5gnfjhtwI/dV031qAtTIPMdHeE68ktpaogjaEtz6Q/jfGOMN2Rcn4yxlXFSZ3DKZIS"
    "pkVZgBJJQQIup6pITaGmIXMpqTaa74jVg1uUiEuqKlqWvdSQtMBjCtq1ZvVJUU+0pKqi5V"
    "i0FT4jfVewhqQkgRRUJazIXMKoG0mzi/iteX0eTYE6Rkbxnk2elDhvYPCSzMlFMknpLhul"
    "9XqrULLyd7pUl1yyMbBawtl+x7PMCTIRoRT+4KTmUUlNODccnbEOSiQf1gKH4x5ycJqtGd"
    "SnyOcYrCgZAc50NMW91jMCE8MEEMwMTXlzHBJiRjLh1mrDDGoIC5WXBgrrwWOuAG4xBPDj"
    "4P0V/768jKcvezjGM0fd74sPneFTA7ifI/2h1+wMGoB+jPSe0Bd6n4QG8C5Geqv5NBj2cI"
    "p3QfJ8GHbuSRbyWQ6e1Gu5EpzY7vCVsqXE5Mrcb6UnavbcKNYjMrNlsKENCZXY3lL7PIM2"
    "UPGfRbr7twCdT89xp0/X4wCvx4Gati8KVfKbqxSV/OYqsZKTW2E1BN87gyIiYge0xxQ12w"
    "kDff0ujeUL50qEmt4LY60qaL4wbFx/l9JXtMyCN0O0vPbdnJjXU2Fe34B5PY45N7gko3+a"
    "1Hsqg8t6JZh2PRcQ2eeirhxcQo41XMySEUY3Du0Hw0TqVP8ZLWMz2iSSBpVoErszPYOTTf"
    "iy4hWCFQr/dvyLkU1/PZ4FD3piC8+Hkm1DRTI9vsmDwe8ErCHJrM5Cg8upidfkihS0wRTM"
    "7RgveiK5E7yHX0lGloXLl3D9sx2LEz5HJnzoZ4apjp+/zCvenDOci1T7qS427Ke6iO+n2j"
    "iDH6BvCavU6s3gN81fhF8GoamLj+jZY/OXN6HpS7vbefCzBzTQanfvIsB74Kg+bMw6vp3h"
    "YRRT5pUtwUYadCXxsfkgNEDo60gX7sVBA5D/I/1x2B6IUk/4IPSETgvnjSSM9L7w36HQGY"
    "jNdgOsr91SpODNSEKepfNlPdVWxg07GeP8EDGuW+rfDNVvIIeCQodjhi6K6uD2TAttsZj+"
    "1O92EnY+RwWjKzZVtsH/gKZahWEcGK3HjqrZqm6dk+dlHbBromL5BLb3g8hmUgWoOk5TLb"
    "BYz9N26hYJmpu7xWgPGBn+SQHRbjE+A8vZMTILOuA4Jd63hcyawzINQP6PdNxbDYX7BnA/"
    "R/pTr9sS+n2x89AA6+uR3uo+PrWFAcm6uhzpH5pimyS5n+VgxOfIhmSel6VdBmXK0STJY4"
    "8xhy6ktXF+K7k1VJjf4huKK6b1pA3FQa0HeY60rEWIG+G85kZek2LFic1txGawSoWYzVaz"
    "32reC5uITb41mW9Nrtj20ZJ5cB5l9+iqETKMCsEGmsqqEO4ZttoVal0dgS9ffC19+QJkqG"
    "kNunomOy3wQtpEsmEq4IwkYSU5CBh4goDzmcThBpANYqry5jy6yNpvyQwrR9h0EbXx/5Hb"
    "COJbPki6xxUkSHEbSSlsJKRB5KVJfNky20s4axwgOHfhxI5ChLkEVlYqLEp/9YadDuW+vA"
    "uyDRTrs41Vi7P0Xf4rkoKVPWy1BOGe3FxdjvSnZo9otP2rFLjPSIzSaP4z2+uH5STXUlny"
    "Nhjy4nY83FHPF9k474BIOai1PGx3aam1BTTxle0F2kmtk5BUOdSSh/Gs9dW/cckycb6w3g"
    "ILIeUtWO2/xSmuZQLfsPEzplY5jREvqoKba0x9iea5VX6+Z5vpOKJOZ1l8d9YCHE8GnrZh"
    "Q02iK/ws4ViiYhxbVqQVPDQSYkrJji9LtLQOT0cDeAJVLQ+6MTkOLSNKEOH7JDLCms+IsQ"
    "TfFqopJMoBTgJYhgvbMXMBHBTlACfXYDwbVXLW4LUoBzgKMKW5JQv9lQHZkExpIa31ES6b"
    "uEzrznyMzFXYNmjZYOGM8eJphhSAfHr+8NiXwI+rZEaHAzhyLUzjGaPHsM8mox2UqcAG56"
    "KpSWSahinNkUXMX3Gck/eSxwSrUKcPvZ3csqGZb09PWHIPe3pOSBPl3sIT37k1UXU6fuVQ"
    "c0SU67nMeub7MpOHsdPcocf3Zb5GrfN9mQfbHhGL7ZoR0rAUBzUWcIeEF1akiWnMMyLLEN"
    "0B3tOZdWRAN+h+lhFdhihHl2/UPsRGbUanuwdYqxdUO4pseKjZjm2wie8B4GyxgMvZI2zF"
    "mNEthoDG7wE6w3a7ljjK7QHpDN4FJwozY2xPgDmNV4db2uFcOk4E9ON7dJwiUNyhYyNURT"
    "p0rKsWw6MjVO9SuXREqnw6nw6T2AEtm8Q9IOIN15tCXzhkPyIN6uvYsjFHAOoKeJkhE3kR"
    "Ny0bd/MK251jH4XuGq9q5eDi3Xe/U/FtPhvcT+OofhpBTcXg3hLzZSVVWsv70TYzcPeXV+"
    "P+4rosZDEuryXKrOISm5XJMiprEL6wVBXM+QeIxGcZjimjxB2xG2JXRQXL4TaSK3ZVz3cR"
    "cSdYFjgb9tpkioVnViadReHUlAdfHNpbhB3LbUMrYYdxK1XHhBXiz3jJ6wJogc/fPuYZDP"
    "YfT4o4FTEWduo0cSrlS+SaQ5WtR3JnUf+s1y8v39ffXd7cXl+9f399+241nYrf2jSvuhMf"
    "yNQqhD4rwN7J+Z8+CZ17sfOQtSfyxBrAu2C5oLLdS4tyGt1/C4K2jdheo8nnKQVE+FIktr"
    "eXMhVZd/UGhUo8War13eEX4Ff1t1Xj4ZCI5qjN9evrNNt8r6+Tt/mSeyz8HVPLjr8nVGL8"
    "805W39XTnPtCsiV3HfTmMZ1jywbxifvGVhxOXLxNvFUoKBm6gqhc9XqD/Z8BRdYF0nhpZ3"
    "LjDAvxKhyvwoH4xWTPpsQ6LzkRXrYwhzkOM1yoxNt1gZ/C6CmSSZeo3E6cS8kwPjRx4joA"
    "yRifqWEmTJ23Ly7jpZS4964Nes1OXxTIQZerSxLMuzPAF9JTty22fiURvYPfR7qI4W6L95"
    "LYeRpiydBXGiL8k3gv9KTmcPCRRglff2UvQ0mJA6HXIYS/f5VrMr/3eEaeNhNNO5tcyeRd"
    "jDola4tFj97ca++Y5hXPWz3DyB6QKC39Umt55ybLuKFOkULPrKZHT9CldsoOZv8xBbhLVa"
    "Wca7hL1WvUehqXqugWqbQbm6Jy3JEi3IdyVzXuqlZOULm7D3f3KSuyWd19VqPQHtCtnjNE"
    "FN3omJ3/TJEp1DRkLiXVRiyyNYvHwINblIhLqlDFLtRnIAgZw2sggmgqvwFPoTT/Xs+Xjp"
    "y8sHJPIAnZzl1QLYkGJZOjN/lW/aNu1bdVW8vEPK4EKhcprJB4bPzY6SMxjjacZtpc7Oc/"
    "3T3FpTV7hfr+yFzDMDQE9YQ+PSgX0csYCxalkFXKYbG/63bbIezvxGg9Hz7eCb2zC6oInE"
    "l1J3+M7XmWNIHPhkkyZMY8KMlRz4A6Z96TR9rT5GA58/4atZ6GeQ+vhWKK37BQiQpyWpOT"
    "75wnPj7p83YnnnjdrPeAbBXPoI3CG+sHs/KZRXJ0wchRDI4uElgqFUcXjNOULrpHJqYuEx"
    "n3rFrqWMUT2SVn40rFxmX1P9/J87xsPccBXM85G3ckNs6NTiERl0oNskiJbYEtQqIHVMB3"
    "9/E/KqOI131a54P7cqQg/0RO6t7pndLpHUhe21V1hdCo3o+UVOK6ZXmDd2SmqRkwsQ9jSE"
    "c0OSHiRenw4rwo5+YNirjvDu/aAnjqCS2xL3pKWfEI9GaY1esJzXYE9/BsKY/HRriEQ4YE"
    "6ImfmgMhayvxxIhnBb0Y6X1cd6n3P/0c6U8YObGFM9DPdO2l8DAZWBcosydFWGove/u3z1"
    "UPNovaf2SqZzwIMKdPiTv5AxKH28l/URS8e96t7wbvpMdHZ4A0IlVaB4mjwcpNMclQnyYp"
    "z00xr1HraUwxE8P8mu/Ajrgkd4TgthhuiymdsSCbLSbQrPcA7as4RSLeE+5wusFqpzo/4G"
    "BT3H6C+Y4IVbJuMtZH/HCDBKiKNIIGAGPYQMNwpjKBurrEj9OWtiofwgjqWOlOF+B2z+Pa"
    "PXlk+1cT2Z4GRLPVbCfUh4TKrOicNO1tCpRvE0G+jWHsyDJCCjNq9KbN3yG5A279Ps6qbZ"
    "/77RNi2ScSuIkx7Dl3W9FYQUeDk8dXPAjMPLYfj+0XHYe5FSoZ+tO0R6SxQvGgTJWMIVRJ"
    "TPl57EWiG6Cf0qIaEOG2s822M8fiprPtlp1AhSpntKtytvxdgl2xj1zn0a6ywLsx2hUb4O"
    "CAxO2+6WBmDOKZDb9F2qCayFTlWY1hf/LuvN1ke4LrPEXamTIZj5IpwZQn9nlq3M1oVHpi"
    "JdlWlLgBOdl8kLwDuQrGg0IOGCONKgPCXvYKonuRKirYxYaoYBfxqGDe8UtxhJNdsAIih/"
    "e/Os7SYG9eVLFFxCEHsx//Bxz7EaA="
)
