# Hand-edited for SQLite: aerich wrote `ALTER TABLE ... ADD CONSTRAINT ... FOREIGN KEY`, which SQLite lacks, so the
# reference is declared on the added column instead. SQLite cannot drop a column that carries a foreign key without
# rebuilding the table, so the downgrade leaves `item_id` in place (nullable, unused by the older code).
from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "playground_batch_items" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "retried_from_item_id" CHAR(36) /* The item this one retries */,
    "item_index" INT NOT NULL,
    "prompt" TEXT NOT NULL /* The prompt sent to the provider (style preset applied) */,
    "max_images" INT NOT NULL,
    "seed" BIGINT,
    "status" VARCHAR(16) NOT NULL /* PENDING: PENDING\nRUNNING: RUNNING\nSUCCEEDED: SUCCEEDED\nFAILED: FAILED\nCANCELLED: CANCELLED */,
    "attempts" INT NOT NULL,
    "error_category" VARCHAR(20) /* TRANSIENT: TRANSIENT\nCONTENT_POLICY: CONTENT_POLICY\nINVALID_INPUT: INVALID_INPUT\nPROVIDER_AUTH: PROVIDER_AUTH\nCANCELLED: CANCELLED\nINTERNAL: INTERNAL */,
    "error_code" VARCHAR(64),
    "error_message" TEXT,
    "processing_time_ms" INT,
    "api_response" JSON,
    "started_at" TIMESTAMP,
    "finished_at" TIMESTAMP,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "batch_job_id" CHAR(36) NOT NULL REFERENCES "playground_batch_jobs" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_playground__batch_j_a9145a" UNIQUE ("batch_job_id", "item_index")
) /* One provider call of a batch job: a single image, or a consistent set of up to 15. */;
CREATE INDEX IF NOT EXISTS "idx_playground__status_cf8781" ON "playground_batch_items" ("status", "finished_at");
        CREATE TABLE IF NOT EXISTS "playground_reference_images" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "storage_key" VARCHAR(255) NOT NULL,
    "url" VARCHAR(1024) NOT NULL,
    "source_url" VARCHAR(2048) /* Where we fetched it from, if fetched */,
    "width" INT NOT NULL,
    "height" INT NOT NULL,
    "content_type" VARCHAR(64) NOT NULL,
    "size_bytes" INT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "owner_id" CHAR(36) NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_playground__owner_i_fdc74e" ON "playground_reference_images" ("owner_id", "created_at");
        ALTER TABLE "playground_batch_jobs" ADD "size_tier" VARCHAR(4) NOT NULL DEFAULT '2K' /* Price tier of the size */;
        ALTER TABLE "playground_image_edits" ADD "slot_index" INT NOT NULL DEFAULT 0 /* Position within its item's set */;
        ALTER TABLE "playground_image_edits" ADD "item_id" CHAR(36) REFERENCES "playground_batch_items" ("id") ON DELETE CASCADE;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "playground_batch_jobs" DROP COLUMN "size_tier";
        ALTER TABLE "playground_image_edits" DROP COLUMN "slot_index";
        DROP TABLE IF EXISTS "playground_reference_images";
        DROP TABLE IF EXISTS "playground_batch_items";"""


MODELS_STATE = (
    "eJztXX1z2jga/yoa/rl2JpdpaNL2uJubIcTNepeQHC/t7pYb12BBvDU2a5umbK/f/STZxm"
    "8S2AYb4WimDUbWI5vfo9fn9XtjYWnQcM5HDrQbLfC9YaoLiC5i5WegoS6XYSkucNWJQSqu"
    "UA1Sok4c11anLiqcqYYDUZEGnamtL13dMlGpuTIMXGhNUUXdnIdFK1P/cwUV15pD95G8yK"
    "f/omLd1OA36ARfl1+UmQ4NLfaeuoafTcoVd70kZaORfPOe1MSPmyhTy1gtzLD2cu0+Wuam"
    "+mqla+eYBt+bQxPaqgu1yM/Ab+n/3KDIe2NU4NoruHlVLSzQ4ExdGRiMxr9mK3OKMQDkSf"
    "jP5b/9V4tUU5Te/VAZSENFaeTAbmqZGHfddDFQ33947YaAkNIGfkDnp3b/xes3LwkEluPO"
    "bXKTwNX4QQhVV/VICeghys5q8gdErE1B3XlUbTrUEZIE3uh1y0E6ACk7rI3hIwQ/fxyCz+"
    "h1P4OpoeqLRiacGwv1m2JAc+4+oq/Nq6stwH9o9wn2qBYB30LDxBs8Pf9W07uHmRCCDheq"
    "buSBfENQCHAfzg3eQZUQ8HBYF0c8c0eOA/y6+SoDwKgWE2ByLw6wbaFKVHwlc7UgGMvonV"
    "RzClNYB7SH6dtZsCYzbc5pozEaSP0WwJRjs31zJ/daQNUWulmkk1+8ycCCizdMDuBbcQZM"
    "bajprpPmgWy69C4eoUggj965LORf5QR9sISmhh8IJqqBe88/gWo8qWsHoNUNOKsFsGbk0o"
    "Da3Ofpbl7M8ev+vXlx+fby3es3l+9QFfKTNiVvt7BH7g3T2GOYFJUyq9+gO66+gEweRCgT"
    "bNB80vPgoiymlDn1oB+o3ZvG2p8Vt+A6lO+kwbB994Aft3CcPw2CX3so4TtNUrpOlL5IDp"
    "FNI+CjPPwJ4K/g9/uelFyoN/WGvzfwO6kr11JM60lRtch6GJQGqMW4vlpqBbkepxRc54Xr"
    "AUYRtpO3xzvm2ZfIbg4XTNTplyfV1pTYnbB7eBOSAk0EFaTMy9c+/ftf+tBQCcLpzuAfHT"
    "pkqu6SFiXU4PoE+8SPYBQEpWHfCEFb2hbe6e4J14PXSl1Bmqju9FH5w5rsCdM1budna1JX"
    "nPSFOocKY1uUBygZNyShduqKlA1n0IZod6UQzPaEqx+0RnCrK2Zz1TCgvVZ0Fy72BOzWa0"
    "pGLdUVLcddG1BZonUY7jsaB7ipB9JSXdFaOWTm+grNfcEa4ZYk3FCdsML7L6tpsXZk6VuL"
    "5iJZopoIGc1/Nn4Sc69FkeVSN2Rswa531FbCM2qpAt5PRLyheALayAkTVfsUTvWN/wpB8F"
    "EFwerCWpmUsyNTYBMSVCevKSAH7jyq5hwGchknKcABL0w4R7PWVwhmlg1U8GgZ2svjCG4e"
    "cSU0Wl01BxviRPyKzuJ88KV9AI0YDPhx8P6Cfl9RKXFAW52UuEDfH8i3vdFDC3ifY/O23+"
    "4NW4B8jM2+NJD6H6QW8C/GZqf9MBz1UYl/geu8H/VucBX8yYds2R+5ijpzveUr40hJ0fE8"
    "b2UXbh14UIQrMnVk0KGNEXGso2p8fFRdoKN/Dp7uzwA8n5+jSZ/IMMAf1gToWeeiWCd/c5"
    "mhk7+5ZHZyfCvOhuh752BEgqxCHVZZu5040FevsmgLUS0m1OReHGtdg4ul5aL+u1a+wHUe"
    "vCmk/OrEC2LezIR5cwvmzTTmQknFRv801RWZlFThSTDreS5CcshDHR+yhAJnuJT2J45uGt"
    "r3lg31ufkLXKd2tCwhDeRoE7u3eAYV2+rTRq4Q7VDot6NfDF3y69EueNiXO2g/xNanlSnp"
    "CdREFPlORIPEluosDXU9t9GZXFOiequSZTvWk8kU7kTvoVeaQsdB7Suo/7krRwh8jizwIZ"
    "85tjpBfZ5PvAV3OBeZbNAuttigXaRt0Lbu4IfwG+OUWr8d/Lb9i/TrMLZ1CRB9cdf+9WVs"
    "+9K9790G1SMc6HTvrxPA++DoAWzUPr5bwkNphueTLcZGGd4r8l37VmqB2NexKd3IwxbAf8"
    "fm3ag7lJW+9F7qS70OqpsoGJsD6T8jqTeU290WCK+9VpTozURBkaPz62Ym888t1p9p+RA2"
    "SHD0vyis3yIcihJVJxm6KGuCO7BYaIfG9OfBfY9hLZ4kTJ7Y9KkL/gcM3SkN48hqPVnphq"
    "ubzjl+Xt4FuyFrTiDA9n8QNsDVgG6iMt0By3Cftte0iNHcPi0mZ8DE8o8bSE6L6R1YwYmR"
    "2lCF65R805Vycw7RtAD+OzbRbDWSblrA+xybD/37jjQYyL3bFgivx2bn/u6hKw1x1c3l2H"
    "zflru4yPvkQyK+gK6K93l5xmWUho8hiR97jD10KaNNyLfYo6HG8i1hhF0zrrOMsKNcj8o5"
    "skotYrIRIdfcKtckWAnB5i7BZrRLxSSbnfag076Rtgk2hTm3MOeumfkoZ16vR7EeJYOQGH"
    "JTtArhzbOMegVvbtiYmO9ULTTuTXxStr7qGrTBVDUMfHyOmFu00Bd8kDQgIOPpDBAbPAwS"
    "OnwgPgN0yMY0qyVwLXBxdZ48cJX0CIrq41M4NfqTLAZCId3JU2bEFCPRM7apO4++XkQoPY"
    "6q9LAh9n9Di59tLRSPf7lwZ9HvwYmq5MOPaACgF/YkVRYaNd5vcfaWVu1kR6SThyMmBTpT"
    "NBsnEkZ7FOksmgAXS8qZk61mCil41ueRXuu9Kpqm0VyNZmhP+upP+C+IeNmXxgK0iBlodG"
    "Y0365aL4WFgCyHNmbnjxMJvURKLwEhZQK/1udMRAOKQlhytqn00fxHs/n69dvmq9dv3l1d"
    "vn179e7VBtb0rW34Xsu3GOJYV6bpgvZRHxxFZ/Ag9W7k3m1etYFP1gL+xdjsj3o9UuJfjM"
    "3BqNORpBusE9hcJtUE2LS+15G6pGhzyYfyQHXR+rrMFaslSsKtx8nRpiRo25atTNGvn1s2"
    "w5p49zBJt8K19UG/3RvIEvYu2VxiDVpviC6Uh/uu3PkNq9Gi38emjPplV75R5N7DCFHGvh"
    "K93Af5Ruor7dHwJ6KaC7/SBxRucSj1e9g0IbgqMsgymQNtsQZKGwP53ESna3p/oI+zOBXH"
    "/C9od3V4twkPsQV0HN/XP+t+OEVYB7Sr3uFGLAOwlkqhRSJgLip04hrt0g62wKhLXUEHni"
    "V6CqWPs1X+Sbq91P6cYVy1fh+t2nYxTW+c8gCa3tPhBOeK3bQ+Pyq6zcnmBKngM898FtY6"
    "7MXrNO02hLXOc+R6FmudpBYvq+onSSesdrZb7WzwSoOc23KnhsYkZwnrnWT3Km7BcxTLFD"
    "43J0ewtsC9lGVs4ffgHLYWgR1WNlOLz58DLn3+TGwhWkRbhuNaWDNgw6lla+AFLkJMWkFg"
    "oQke1bOxGhjgcDy69pJuYXGwlqmGFVHLtWREhbRlRVaX08DPFJf7nhkMKuGRyoVxxoIpHt"
    "0tLl/sIyStTJstfPROV4XouQvl1SAmnY3S+kNPe4FYi6oMhqE+Iyxh6Rgf2n3M0e5vSuQ+"
    "pbA8beThFSWesUcuD8MICR+OTEV8C7kVdC5VG125fiqozDyJUfHBliL+ZY2B/hdqeYpDXT"
    "pnANuOnIFNtDNU4lseof/oGfP9jelK4eGTrqHhmmIfUxWzqS+M7ahhOvX5Y55IqSGBwJNm"
    "ToSGmOLqNBefjNuBaAMV7giav+SdTR5sfQoBftVNQFo/4kDelTeL5pytOE/pzV3LVY381o"
    "lJMtG/afmY0PYEC3K0/PjSSIXBVRLgmaobRdBN0QloKbnEsBwRmw1A+yvN1HZXQrcYqQCY"
    "BfBUXboruxDAUVIBMLsHoxOBVrAHh6QC4JS5K/bHVBz4Zw5kYzTcQtoYQNQ2ThKAtqCTcM"
    "9mqI4LlquJQQw8AAwcUqvHnoPIxZwpfioIXRw4H+VBO0pTg5B+ZYuHhRnvMc14hW3jc7B5"
    "E7aNz4PPwraRvYydppWbsG18jlzPYtsoIpEdOGBF3G4oK6RxKgFqKsVUNIjKHvFXTiP0Ss"
    "XoRgMu50SXQirQFaEJqwhNSJl0DwBrJHFKTZGNLzW7sY0O8QMAnC/7NZ8zwk6MKdNiDGj0"
    "HqA36nYbzFXuAEjncIE4UZgpazsD5kxeEEGUwuL+D7EAiTWZPyhdtLpAryfSMeMqFuFNI8"
    "K8cu54FHYtiudRrN9lcj1KdPlsvkc21pU6Ls6GgslbntePuVxhu1mS6nvlTq0FBKqpgadH"
    "aEM/D6/joqVQo7sdHaLRfbPYJR3z/CC4XtjX7b5Fwp/oqP5EUU6l4N6RCeoI8UZPxeDDMS"
    "w3N6pxIm5BbTxYjk56/ZPuPuqmN+GgLeDfHOCfcaoHXPjFPRu/uLoG8uXY1gGf7fPmQo1T"
    "1cHGpIKEqI61sqeQaaa9JYVgkpAPf7JCKQT7ge+Yt6N1wItRv4v3tGgra5NtKyrdP4B1OT"
    "HPqCk1t4wSejZNriYmxJDgiIFfF6gO+PjtpyKLweEj84rY1iK2dYapScS2FrGtKzM4J6Kh"
    "vKbmUSKON0uNgbf8AvSqga0/Wg4xaYHe3Ly6ymJ7fnXFtj3H92j4r2wjP/4+Ecf4F92svm"
    "pm8YbF1dhTB7l5TK953iA+caf5msOJmse5yzxQckwFSbr6zQaHjylPwgtM1m4u3+I4kejC"
    "1JxVIlh8+TCLYPFpjKsWnIiMMCIjjMgIc5zVW7iSHlO94odQyLGyRyi4Fb80Ot5LgikaqH"
    "OogZlle3lVyVE74wRz+EAXws+PAfVpenwJP7/nyPUAI85zGJzOwpY7P3U+47wTSgJeMZrC"
    "G1V4o/IJqvDoEx59vCKb16PvSHl2+FyxDpRmJ7knOBS0GZ3JThTbyFaoePaiuWoY0F4rB/"
    "Dfu/WaqpsHX5meRBvzROI11KC4EyVqnGX0KdrEzI+Yce50LGJjtY9Tj/DKOapXjm/jmteI"
    "KEHGs01pQdl3KQZDOU2F9jES4hvdsqyEfOP0nDjHqTjWLDQ+Eq/KJwhmEG1gsCemC7CH/h"
    "nQZ0FZMY3a5btMOrXLd1u0avimyHVSH7OtuuN5VLst7sCtqeEWdzgLTWNlUJ+mzimLplFI"
    "84XgmQMh027BM1vKVKbkJCpsoohNErKoTDITXxR2eFFJIuPyJtwLLsiXb1l3FJIIYyqELF"
    "wJWVzdNXJtMDcEtctOUUoOkOibpVBm2xQmyGqAddUGha46zxU7IKh/uiEDuLVqj839CS2N"
    "ZRlQNRlzepQuwZcJIiyLIZuSarG/vr/vxrC/lpP9fHR3LfVfXBBGoEq6t6GheN86ykz9at"
    "m4Qm7Mo5QC9Ryoi+Mue6Wt73FXGNbWjetZDGvjZ6EU47ccVJKEQtwhrEGF/OgU5Uf0+eAA"
    "yOaJAH2q8KbmQZ5kdNFsBRQZXSKZQSYZXTQ3wDGNmrAw7qvu6BMdbWTXQhrHlTQub3jJvQ"
    "JL8jZzVBBZUkjjjiSN84LPKjhimqHShBK74tbGSCtkwHfv8T9qwwjVRlcutHMJR+NUfIhI"
    "8WNzR1W99V4ON4TWYdTO3CHR27x1GUxVO8hzwp8Y1f+Rio4tfBx/8U7sNA1LZc5hFOoEJ2"
    "eYvCweXpyXFbtwCyNu7kfXXQk89KWOPJB9pmzkCORmXKrXl9rdBO7x3VJ6ad4dkCXeQpUR"
    "P/vyh/ZQyjtKfDIcOIVcjM0B6rskuCf5HJsPCDm5gyqQz2zjpfQouIgXMHeglDjVQQxsd+"
    "9VK9tFHT7w/Fe0CFC3T0xDuQhFdVZyF2XBe2ATOS8Z0hQdEfMYzyaouI1/IiwPOTxmnaZQ"
    "XqhiniPXs6hiZpb9pViS6DSliMwhdDFCF8OdsiCfLiYyrA8A7bPIXJyeCffIqLsJnSASxm"
    "7Lg4ox3xOhWvZNyvlIJItlQFWmEjQCGEUHGoczkwrU4yV6nLF29WkVStCVky1bq9B7Hlfv"
    "KRJXPpvElcRt1tVpu97tCeI2RDwzuqCYNkuAA3Z0g1RoA2c1nUKoQVpSuG3G3zG6Ck2/j3"
    "NqO6S9PSNVJVOAy0xRKWS3NQ0FfjQ4RfqUSmAWqTtE6o7kOiy0UGzoT1MfkUULJWKu1zKo"
    "dS0xjVql5wSWQirQTRp35FaeRUiE7my77mzlCNXZbs1OpEPxGX6dz5G/T/T1UFsmwq+XEn"
    "6dDnB0QRJ632wwUxbx3IrfMnVQbWjr08cGRf/k3znbpntSwzpl6plyKY/YIkHaok8Rrfhs"
    "3E9pxL1gha0rYhogs9UHbAvkOigPSgkHjgdVDoT96jVE9yJTVLCLLVHBLtJRwfwovWmE2S"
    "5YEZLq/a+OczQ4mBdV6hBR5WL24/9JNN17"
)
