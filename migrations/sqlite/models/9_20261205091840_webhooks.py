from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "playground_webhook_endpoints" (
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "url" VARCHAR(2048) NOT NULL,
    "description" VARCHAR(500) NOT NULL,
    "events" JSON NOT NULL /* Event types sent here */,
    "enabled" INT NOT NULL,
    "disabled_reason" VARCHAR(500) /* Why we disabled it (None: the user) */,
    "secret" VARCHAR(100) NOT NULL /* whsec_<base64>: signs every delivery */,
    "previous_secret" VARCHAR(100) /* Still signs until it expires */,
    "previous_secret_expires_at" TIMESTAMP,
    "balance_low_threshold" INT /* credits.balance_low below this balance */,
    "failing_since" TIMESTAMP /* First failed attempt since the last success */,
    "owner_id" CHAR(36) NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE
) /* A URL a user asked us to POST events to, signed with the endpoint's secret (Standard Webhooks). */;
CREATE INDEX IF NOT EXISTS "idx_playground__owner_i_8dc854" ON "playground_webhook_endpoints" ("owner_id", "created_at");
        CREATE TABLE IF NOT EXISTS "playground_webhook_deliveries" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "owner_id" CHAR(36) NOT NULL /* The endpoint's owner (every read is scoped by it) */,
    "event_id" VARCHAR(64) NOT NULL /* webhook-id: the same on every attempt */,
    "event_type" VARCHAR(64) NOT NULL,
    "batch_job_id" CHAR(36),
    "seq" INT /* The batch event's seq (orders a batch's deliveries) */,
    "payload" JSON NOT NULL,
    "status" VARCHAR(16) NOT NULL /* PENDING: PENDING\nSUCCEEDED: SUCCEEDED\nFAILED: FAILED */,
    "attempts" INT NOT NULL,
    "next_attempt_at" TIMESTAMP,
    "last_status_code" INT,
    "last_error" VARCHAR(500),
    "created_at" TIMESTAMP NOT NULL,
    "delivered_at" TIMESTAMP,
    "endpoint_id" CHAR(36) NOT NULL REFERENCES "playground_webhook_endpoints" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_playground__endpoin_929475" UNIQUE ("endpoint_id", "event_id")
) /* One event for one endpoint: delivered at least once, retried on a schedule until it succeeds or gives up. */;
CREATE INDEX IF NOT EXISTS "idx_playground__endpoin_4693ca" ON "playground_webhook_deliveries" ("endpoint_id", "created_at");
CREATE INDEX IF NOT EXISTS "idx_playground__endpoin_981f97" ON "playground_webhook_deliveries" ("endpoint_id", "batch_job_id", "seq");
        CREATE TABLE IF NOT EXISTS "playground_webhook_attempts" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "attempted_at" TIMESTAMP NOT NULL,
    "status_code" INT,
    "latency_ms" INT,
    "error" VARCHAR(500),
    "next_retry_at" TIMESTAMP /* When the next attempt is due (None: no more) */,
    "delivery_id" CHAR(36) NOT NULL REFERENCES "playground_webhook_deliveries" ("id") ON DELETE CASCADE
) /* One POST of a delivery and what came of it. */;
CREATE INDEX IF NOT EXISTS "idx_playground__deliver_8ab44d" ON "playground_webhook_attempts" ("delivery_id", "attempted_at");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "playground_webhook_attempts";
        DROP TABLE IF EXISTS "playground_webhook_endpoints";
        DROP TABLE IF EXISTS "playground_webhook_deliveries";"""


MODELS_STATE = (
    "eJztXf1z2kjS/lem+CVOFeuKHTvr815dFbFJlgvBfvnY3N16SxFoMFoLidUIE25v//e3ey"
    "SBPrFGfA1kqnZjkNRCeno+u5/u/rMydgxqsdMeo27lmvxZsfUxhQ+x41VS0SeT5VE84Ol9"
    "i184hSv4Eb3PPFcfeHBwqFuMwiGDsoFrTjzTseGoPbUsPOgM4ELTflwemtrmH1Oqec4j9U"
    "b8QX79DQ6btkG/URZ+nTxpQ5NaRuw5TQN/mx/XvPmEH+v1Grcf+JX4c31t4FjTsb28ejL3"
    "Ro69uHw6NY1TlMFzj9Smru5RI/Ia+JTB64aH/CeGA547pYtHNZYHDDrUpxaCUfn7cGoPEA"
    "PCfwn/ufhH8GiRyzStddfVOvWuplUEsBs4NuJu2h4C9edf/n2XgPCjFfyBm59r7ZO3715z"
    "CBzmPbr8JIer8hcX1D3dF+WgL1Fm0/7vFFSbgvpmpLvZUEdEEnjD424H6RCk4rBWuiNK/v"
    "mlS77C434lA0s3x5VCOFfG+jfNovajN4Kv55eXK4D/pdbm2MNVHHwHuonfeVrBqXP/HCph"
    "CTod66YlAvlCoBTgAZwLvMNLloAvu3V5xAs35DjAb8/fFAAYrsoFmJ+LA2yYbGLpc41/F8"
    "A5KbeZ9l0E74rgsFHpjJyZTTyHODiwEj5Y/0SGrjMmcABOPFH7FSP4JlVi02e4xvQYWbQk"
    "UT1dFVHTVb6WrlJKch0rRzl1ezrmCmrAA+n2gKYUFcruUEHTYMIUUVKvU29fc9082LXbz4"
    "3WNdGNsWmXUcDZuwIKOHuXqwA8FVfAwKUGtIm0Dhq2l90/IhIJ5OGZt4X8G9GeMaG2gT9I"
    "+rqFrecnolszfc54x2DTMXGG/KNFjcdApy/r4hEf94fzs4sfL67evru4gkv4Ky2O/LhCPY"
    "1WN409wqTpGVPvLZzxzDHN1UFEMqEGIxA9DT9sSynbnB/gBY0725oHU9cKXLuNz/VOt/b5"
    "Hn9uzNgfFsev1q3jmXN+dJ44epLsIoubkC+N7s8Ev5L/3LXqydXU4rrufyr4TPrUczTbmW"
    "m6EVm0hEdD1GJan06MklqPSyqty6L1EKOI2vnT47Zm+BRZcuOBvj54mumuocXOLJuHPyBp"
    "1AaoaMa4/D6Q//CpTS2dI5xuDMH+7oYP1U1+xzrccH6AbeKvsBeER5dtYwnaxHVwO7ImXP"
    "f+XY4VpL7uDUba705/TZje433+6fSPFSdzrD9SLWdZJAJUA29Uh/scK1IuHVKXwupK45it"
    "CVc7vBvH7Vgxe9Qti7pzzfToeE3APvq3asCdjhUt5s0tqk1gHqbr9sYO3uqe3+lY0ZoyPn"
    "I9U3tdsHp4pzre6FixmtH+yHGeYKFlTBxzbcC++LerB3c7JtRw1eqcO3nr2PSp8fk4eUS3"
    "oT0ZwW/jL+WuUDPcFJnL2HyfhW+g0JY7+636Ln7lRiHN9z1E9uVw2a/LCbLym/Jx7NXHoY"
    "+dqZ2x4841cy0FdmflKuHiuBnp9iMNrVksafYiJzZ9hKHrmZKh4xKdjBzLeL0fc9cIL4Le"
    "6ukCaogLyWtwjOshsJES6DEI+H7wfoL3K2tbD2V3Z1sv0fY7jY+t3v018f8+2B/btVb3mv"
    "A/D3a73qm3f6lfk+DDg31Tu+/22nAk+IDXfOi1bvES/CuHRT7ouZo+9Pzpq2BPScnJPG4V"
    "NwluuFMsZ+TMnpENbUxIYvdr5ctI94gJ/zEc7quEnj6ewqDPLT/kd6dPzKJjUayRv7so0M"
    "jfXeQ2cjyVcM5GnltAEQkxeV2zJR3hl2+KeFjhqlyo+bk41qZBxxPHg/Y7157oXATvDFF5"
    "6R4lMT8vhPn5CszP05gr114++ofp5Cnk2lvuBIvu5yIim9zUyWFLKLGHS/nM4uimof3guN"
    "R8tD/ReWpFm2faohItYtc2z8BhV58t7ArRBgXvDm9MPf72sAruths3sB7K90Ju09ITOtcy"
    "7DsRv1u+VQc5WY8u7MkNLert27Jtx5nZucad6Dl4pAFlDO6vQfvzpkwZfPZs8FEz8Hc5Ay"
    "tyzZFpPY9cE9W6KMV399Tene1mzgpRqc9WUKnPMqjUq3brXfotxyJ1fLv1VX2m/q9urLuE"
    "iJ58rv3rdazLNO9aH8PLIxq4ad69TwAfgGOGsGW28ZetuRm3kdmKhdho3Tut8bn2sX5NYl"
    "8f7Ppto3tN8N8H+3Ov2W1o7fqHerveuoFrEwce7E79/3r1VrdRa16T5Wf/Llr0ZOJAGTPZ"
    "2/NCUQwrghjStmCkbDHzvxmqX2EIjgrtzgp8tq0BbsMm4Bc4Jf/s3LVygp6SgslVgjnwyP"
    "+IZbKtYRxZmfenpuWZNjvF3xNdnFcaBgudVcELYYiCQUwbjpmMTJZ7srWGRURz9bCYHAET"
    "ywO8QXJYTO+2Sg6MmTfa4TzVuG3WhTUHMtcE/32wYbTq1W+vif/3wb5v393UO51G6+M1WX"
    "5+sG/uPt836128dPHxwf5QazTxkP9XDu/XmHo67ulE+mVURo4uiT+7j/3yVnpb1M5R1GoR"
    "s40ou+ZKuybHShk2XzJsRptUzLJ5U+vc1G7rqwybigSvSPBHR+iWLKRbZobyoUC1TQcMH7"
    "F408pwwSxPVgs6YfyBdNHoX/TDVO5s3Go4z6ZBXTKAlo77jwg35Rq+4ErcooQPPlXCCYsI"
    "EqzeQM8EdikoM51gyPvZ5Wlyxbqln8jwE/26nEeCGQmB0Hhz8j0/MS9SdJNim2wUOJGUh2"
    "ivHiKXYoglrBRcZ6z5+hPCPU9+DU3sysAGu358YH+r70Cv8d+Frb3df1EdkUa+7DEp0HNt"
    "W3EhxXDMMG/BADieZLi/8u30SwmZHSK81fqPCsM0jNUwQvvmq2DAP+H2ucCcRWASs6B3Fu"
    "S679qwj1aUvJjJ3MYfF1KG3ZRhl9KMAfy9+ZiLaChRCkvJFpUBmn87P3/79sfzN2/fXV1e"
    "/Pjj5dWbBazpU6vwfd/4iBDHmnKWMX0d++tejK739dZto/VR1O4aiF2T4MOD3e61WvxI8O"
    "HB7vRubur1WzSqLj4m7awYh9C6qTf5ocVHOayvugfz60QoHVBURNrwnL0NSdR1HVcbwNs/"
    "Om4O9frlbpK+i9Tu23at1WnUMRRn8RFdEK0ufNDu75qNm3+jHyL6/cFuQLtsNm61Ruu+B5"
    "Kxr9yx8Uvjtt7War3uz9y3sfya3aHwjt16u4W+3fBTmU5WiE+xgk6RZlME2oTddXZ7yO5n"
    "cSmJ9V+SuLL5GBMfsTFlLEgnUXQ9nBI8BrR3vcKNuFaRMKdl2UZzJ5Vs4SNapW1sgtEnpg"
    "Ybngn8SkYbz/eZJuXW8ptKhvEe6Ah8B6p5OnvKNCLlD+tZshIPN+EmnD/zK0bwqXlkObck"
    "cZvSyRf9mXYmsLN6XSXMc1xqkD6Fa0DQsSxUXJm17vlVIV7j1Qpe41VyhoiDzyxHjA+UI3"
    "4AXanSgYclgY3azxULrwD6dKbeZOoxMta5BXw2MtFW7oEeTcsiI53h0b6vSdDrCfSK6Ziu"
    "b2TZbr90KYDJvLJdMy4uc++8m7rENHyvR/DUyOgaWubjyAM96x4Z6LYNuu+jzRd1B0qsuU"
    "9FU0Jsv09CCxw4MOVP7SfbmQnxjTNEZVZW21cQg17mMEqCpycz6GTBG5ATaOLM7Ftz0jex"
    "w72Gayky9OiczCiMqNwQqj/qRdMJ73oVCBtat1w8RlxyA/EYh7NIkTz8Ih11E/VqCqo5Ia"
    "r0LLOeVUxd/sx4mNFVKqbue9R6kZi6JMGlKCsiKafYv6vZvwu80iALM4CPkJRaTbCAk82r"
    "PBN4LwxXORcneyAiYivN4yEGLViAhhjyuYuxEL9+DbX09SunCV5zEwjmx4Kds0sHjgu7Yj"
    "wESprCzgwGeLjORYYUL6BjGq+zyYcbu3Mm5zDKgE9mZkqTDoumrgjzVeDxIOorR0pltpCC"
    "t6hW4ce2HlOr8O9R60VW4eNclsDLrJHxOlyBnZE6Vaz/4TLp/LBjwdmzkgxaTtPofBIPqB"
    "Yu6XSXtJ7lkTyq3X2tjRpt/luLnM84uD1S3ub5Qj7nWdQzmcPJO6AcBfL6+3UXPnlBZeTC"
    "OolJyaGWMnHqlY75X7jzANPjsypBCnWVLDIkw5GAgA//w288rh9TshUdzkwDumtKfbmMpM"
    "X1KuYkM7U/OpgF4FwKKDyzWPXQxTTPzEoLUHA5EL3BDlcE559ER5N71xxQgo+6KGIRZC4S"
    "nXmLEEjz+aMp+qjneLolHqSTFFPtO6vyLSxP0GhriOObJariDpIAD3XTKoNuSk5Bm1G1GX"
    "0GyJ6l7nNWxNlLpbNjogrgPIAH+sSbuqUAjooqgPNbMOwIjJIteCmqAE5FfWFaEo3RPwSQ"
    "jclIC2mlg6RFLCwGS9D+cs1m6cwjk2nf4mQuQsO8LLvHXoJqJ5I5eXdQ7iRkSA/hOag7cc"
    "2sUnur6itliksMfqXzc+2H88t3YfsP3uAVI0szT5VnKKCWxcnYnjsnmCmEf5myUjuczcfI"
    "hRx3EW1FZY4gp/O27foqDFER0A9NE3J7SRUB/XvVs0pFu+EkXHHCV1FI41IK1NRqOJoYbo"
    "2ccoeRTm7H6Eaz8AuimyGq0FW5qXeRmzpj0N0ArJHKeUeKbHyqeRnbaBffAMAdvN394m4H"
    "OSK8iHHGsBgDGp6DtHrNZiV3ltsA0gKxKwcKc8bcngNzofCV9dONx5I+H8n4kdFEd5fp/0"
    "AaZtxersKgigEVjI9TtpEG5c8pPXaIfPtCcKlM/yuh2maA3bInZkTYxbppoRC7xAhRLMYu"
    "cIhgRTEUv/aj22xMLlTln8N0J7ptYFITl6cZMlmQMSo7vG4TN1236nMyADWog+Bn/l8dQ6"
    "fi5lTcnJwj+oFGUKm4ue9R6xmegpzsFaLVJRJS0rJw9sdLtxxPGNW4kLSgVu4dZvIZbmZ6"
    "I9P2FxewO37FSGD+2T3gKv7zu4n/PNa6LdJSQ4amrVuaOOxJOYlpOS/XzAmLP8tdLse3UP"
    "NvmYPhKndfKCWxmkpy1c4KxRqfrQg2PktHGzNn6g5obuTIiuroSUE5QlxLVUdvh+GsvqGB"
    "kZNeu4mmBgIvya0JcFTSrMdh+FzhXhJcL/McEubKpQaPDiQ6I1++/Vxm3t58zRxVdUpVnS"
    "owNKmqU6rq1M5iYLjFXjT6JSok8WKp0vGnXwKPugy/YChaojWfX14WCYe5vMwPh8FzWfhP"
    "XUsc/0BIYvzLLlbfnBeJXsHL8ocOfnKfiTxkg/jA83gcOZxwe6wq7oMiMBQk5Y5vNNh8JB"
    "vPeNKfe0LpDuJCqglnVpNWZdy2D7Mq45bGeNeGE1WrVdVqVbVa9zN7qyDpfbpXgqwuAjN7"
    "REJa80vlxn9IMoCO+kiNSJ3KcdBYdj/RS1BW5XAau0BUIBI1BCGNiCg0E0UYVZy1irOWEl"
    "QVq6piVWVFVjRWdU+lv+ScsTZU+Su5JtgUtAXDJA8U28hSqHxBtUfdsqg71zYQmfrRv9Wx"
    "xaZuM+hrQVniAV6VjMivxBXVguFfi9T+EWrXizFg+VitE3+lAqhUAJWcXf5AQ2lUANX3qP"
    "UiAVQBx1WURJQQk5lTWtL2vRXCkCBVaB2SkNzoboslFJDTBXGOS0nsWah84cHuM0qGFDYr"
    "GCDv8WzDVWIOw2PlPGoXV4V8ahdXK7xqeFKVXzoe2tax47lX3pZ04B4pcUs6nDfciJUPR7"
    "kbJDAtvuxuyLctbtNeFjUxZhjLEhbIQpaywAC6eQNZ3CK2zMeEB34Tyl5kMo1XaRlknYz9"
    "CNOG+rPjmh596VKV8EjZ6w5t9DpQy42y132PWi9mr/uusqLzxBZD08WqY3656SASkHuJyY"
    "lOBs5kXuWUv6FpYTmm9cP1Bfg+h5W3J56FR3CSUyl8Xkzhs7KW1s5T+IhW0uJ9jS86sbyZ"
    "n0xGZ7y3TWHvQmau4/FEm0GvK9jRUmXpCtalW1mYLkXg90zPErLhLATkVUhZz8U2Kv9Fny"
    "yFcj5tPyF2BFjvmrPv6Y9C6XnC6w83K4+0gWMIreZBWxcaZ6JC8rZ/Pvjjs+KQ/z/4wP+P"
    "LazKDPdnxYb7s1XD/VnGcM+o7g5GwspIiMmsDpyeqotp2Da4cq7JbKR7ZAhP8wO+BPFfiO"
    "B+p5R+3l4U0g9elr8+ukjrJ2Z/SvADHceiup1jAorKJdTTB8Ft6WdxZLfD1Pu7u2ZsmHrf"
    "SE4Jvc/v69BBOPpwkekbVTNywcQNeWKYRyUV6iKox2y0KdxX2DqTgsoNo/xaRx2bJCdlXv"
    "kKpfQVZo+xG0BWpHrRocKbmlvkDP+Sc0DYSPTXflzdiYJTGd7udEmqQg5vPyQrSCHNpV6s"
    "DVQL7fV6YKqfMmpcE/oNpKw5bGNMOPYMu0q4vsoz8ftbmxlnrPENj4kkK2Z68yom5B3ARi"
    "hM3O+4BnXTpYN29JuZjvtU3H4gl+G3j3lglBtdGjd60DLSUOey0yISipqWmVSMt3TRfO4J"
    "sSNkV24lo/tiyCnegKMiMrfgyh2OvjgkozcqMixXOfudvCEneMKiuhHMAUWdUxtu8bMchv"
    "YHy9HzKO95HO0hysijg02Mzrd3vffNOrlv128anUZgol/QK/jJuMWlXa81kyaXcIoWQjkm"
    "pYAuArSileUPG4dJMCpCK5MgcZVs2t6U+a0EZ+uw2Fr7QTRYhZdDNi6sEF5p3txTIhtJx4"
    "MtZLLxG+UG0O0g1/N+cbeDbLsFLHGRwTEGLjwBafWazSx0tdx9/joo/7K86VGDHR8vc0Df"
    "j/kz2uYzbJ+JLlHI8BmlTAsbPm2D+ERJ5Czz/KRT18XifAGGfr1RD5TDyAk3RCJbilVDUg"
    "feIFA34wyP16tMnlv6tXXLqD+bzOybVrDxWn12irl9oSVO7bAGO9LINNNWhlKpDKVqY5gL"
    "+BFvDFW80bFpvUi8kajtXhntxYz2ilevePUvQa549UfCq39V1av96ivCsDo3rMAprM3nBN"
    "dZfZ1RMtDtgGtPHO7pGhd0YsWGqatCjO6rFYTuqzSf2+eha1iM09KzGMYvVa+Pie5QXX/6"
    "P//XsQxbAZpsOhya30qoYSkob5+RFvzgBbR1on6T95A525yK+E1qXrToelJOZm1LU2k9BE"
    "1nEyRauphEvAzoSXmJwS+5JSmSszE/YWMqW2MIHKzVAMzsPYnYKBe/k8QKqHw6g6b86cH+"
    "dH5NzvHvxTW5+FSmQxTJnJefOC+VNw/vvczIXpDYFReSuBJn5da/0E88wMgEFr9ozz7Bf3"
    "COLJrPY9NMrkg6fENoo5gSPNwdY4X7TMjijUIlncCboZthRfWA15xAzUnTxfS3601nOEKV"
    "o5NlSu+SVnZ2KlglTxZWWdzlU2Zuid9hh9uY+3bjl1pXOG9OIIYVUvmHB7vXajY6XSyNGn"
    "56sO8BvcYNXMT/yrEQY6APKlwVNS61kTn/Zb/azpZcm99bHEjcwdm24N3wxB31IheHNCEl"
    "bbHTvcEa9cXHMV2ZXCAqJndmgcq97i7Sy8HU46Id1jL7ru7OfyKObc2JboxhKUUwspL4Ea"
    "Sy5CGYuPTZpDOtLHs3T156QiS3r/vRfrORw4IlKjH9vGXBa62tKQFSqs+HKuMmj0tuwE2+"
    "Iw10nKFH/Ie/9lVBme/fwPhLTBjHPNOyCBs5s010G8ld6GnmxNBxn0CvGKkk2C3TktJ3yB"
    "1zwFWWEJXRQgJ2rFhGi0i33gC03wXXOz0SCnOPM+IY1ixfenzFeDNCwWAS3wRMsawTRwgW"
    "NtA1cTrKjpxl6tgcTsXDLg5lZsmwZdBnantrYtbDO9XxRkfUtHYUTRI2stVBJZGmKBxbok"
    "U7xssxJnc27nPHU37bMMADTRd6EA4SCfb4KWCZ+SRsAtsWRhybpkNJNnXTzPQ4sVCt0HyZ"
    "TI2jwjpU/pv9kis2bDNV5HlFno+NEnsYEBR5/rjJ84qZLUmfUMxsxcxWzGzFzJZnyaWI2Y"
    "qYnacCRcxWxGw5N82KeC3xbkOxpvfDmlYpV/LHn8NMvlEk5cpeU0bKpuet0Fv2lHBPUmzX"
    "yLhXoPSFIhZI4diMeIIzHJpxP3EhR6bvpIafs+aeOSjmwsyHqEjCOSxHHDTCJziBf5OZ5f"
    "KOxwjOKpHcfj2OoZLKbGRD2R0aS0tVTQ8sdIFl7qbWbF4T/LfMBnbDVoVIXsuie6yIyFq7"
    "qx0GBwSPHBQD+vVP/3vDqEZKAfESDNVl9Z+/fiumnl1vv6QoN7lD3fnBHCe88xDXmRUNBt"
    "8Mtxy2Y6KE/YjIYSA8cZ1nE2urDHTLesWCUBp8jV0iHT6FiDE5KnMEHrNt+0nW8Yyt5RHb"
    "0V5HucSWYdvmf2EBbYp1p5iQzIqWwyPjTL2Bk8fuerlHRcR3OHZ1ejc39fpt/VZ0EbsQhO"
    "4Qfnyw72ttvxcEHx7sD7VGEy/y/+JyF7pTkx9afHyw2/Vuu4HHgg9les3mnZu+V0ZzKQDK"
    "EPiUanOdOlmiKoI8s1Y6Q5uRCSvvMgDHRBXASYAHLi7wmTbQJ95UDOAsUQVwHsAuHU7hdc"
    "oAHBVVAKfTGDgDyhj8pIbeKG0s4lrPFlYu9jTM1HUdF/q6Rx8dt3QepvRdZKaRdNu1VqcB"
    "y3TYGoQfYYFy1+rCB+3+rtm4+TesUmLfH+wGrBiajVut0brvgWTsKyyA2ne/NG7rba3W6/"
    "6M+Z0iX/MWP6CNeruFq6bwU5nlTyE2/QoyfZpLrzzM+dAfr4dZgmqPko21GzNo/Y4UR1HX"
    "fVRKYZowa0QDJsWAzRBV6CbTpgnnUYmIKJ7Jap7JlKksKi/TSyINqkitTD5YbgDV++WdDr"
    "LnF6DtROeVApUy91To9UDhXVnnNRvg6IS0AYyPMnNIEuaMSVyq+qPQxu+mXt/5VsngVS1P"
    "VgvSqrA9OUuRAoVHQQLzNbh04LgGmekm5mogQ8clOhnptvGD80xd4jm8PCjyZ14xAi1gmp"
    "EMYp2bPdgPdg299ZiFceaankdtTAaOCRnhHWym+7SlINXmAO72SP2EgeiEZvxH8Aw+woke"
    "uKSDXWYVfn5G+yPHeSI8L8qD7T8iNV4HNUx5FkXiYL5yvAt/KHhkRjz9idrhna/5h7D2Up"
    "XYjkfa1DBZFW4xMAFcwqukjqfMI+7UPoWzuoE/8WCHL8WTgvbn5OtXmLiezQFlp6Y9dPVT"
    "TC116ivv69f8rBghh+mJzlPJMH6tGHC9qnYqMUktG+fdE9NKUj+wewUdF98VSy6kGzGMW5"
    "/gmlO8omglhpil6l2RqKt3+WFX71JxV9hbBNp9cLn8OxSf8WSE4yLAD5rBYXQ5DJ94Ybbb"
    "qj98+Q6x+U5pUbqHGQOyeIO5pvmoiLRej8rP4bQGU4VrwhzCHLhrwfoVm7bRB6N/CuMXcg"
    "gvpA7HDlv5MoK5VCcGgglrirE+B/znMPU/woHXcEtnViWYoQLWHkP+L/yuaU1dSmClMLB0"
    "c32ymkyG2xDUlZZbS2eexl0wIpNTXEpmf82X0ZwPcfjEkQUnKt73ngq7TC4vi/hMLi/znS"
    "Z4TnlNvk+vScq4t59N5hd/71PzJ9RKxk4zcUXR7WawqdKiU3WxTIT3d52unycwXI7wjdjM"
    "39DBwhLOmV52wkEB2SKBQeFNAvNA8C5B+I/aR+11HxVThuBgmZQ9wuHyQIbHQmsT5unelO"
    "UUjsrdJCSkFHEnvSnARbA9mIvxouJCCtYcPpTIMvoQVtAlefKXhcrHX64oH3+ZLh9v02+Y"
    "cgh2dSUG/5Tw4ZTG4Ttb3MXgO5BgFkOzOOzTyUnLsSnubsnYcYsa145pmkis1oouwBJi8h"
    "v29ks9COHagJsx2FrcRu54mAi/6GtMtDHRVBc72AEulJC/BYzqSWgPGLy9SQV2gdwZx113"
    "Dn6zjYkD8F6H+zpqwPBHLIrWHHTNVQmO6CZ31MHujw1G1JhalExtz7R4zbDpYEAp5pV3yS"
    "PcgZHpJHsPubNfzvThhb8XtBT+MIvcErHNaeLKZGaKxOkkqYDRP9QWds9b2OMvNsZ9UGFL"
    "fAVdAJ+enPjVHtCgh4sXNnAm0H36c+gtO/U8LTqXyFI9IiO1SzYYfH8wDZ+awLj5yw4qbe"
    "hLc97+PbA+phxGYU2EUjLrouTWafNAK3r+lqjkMJmm4Mw3TPlXS2w5iVTB5b2Ml+r5g5wg"
    "L8plJOBQwdHlyq4omWPTEX763HL0jMa8IufQUmT3GV3305S3kjzIt69mj9gvR/stpXeYsO"
    "C+3rpttD4KrhJDsWsSfHiwsxMYxNMVlJlbN5+G4FjZNXsz7nLzYQBRWetjXPxg7I/fpfOJ"
    "U1zKeaCyRCWe9ffohjpq7pFMnhNFMMpH/7gIRhmekVJ6T8qq2Urm2Sph9S26wU+IyW9Y3K"
    "8PLIRrcz6weuSOh4nwiz6wRBsrn+49XD1bzmNaASL53tPUxiOBfqsJ35MtNt9hGG3UQg7D"
    "sKkU9BfWSK/dJDqmZHaJzp6oAR8xlpDTQf1y5/C1Shh0TTg5M70Rt4lHPBOMwgLHIycd6K"
    "8GYESCd2Cvs6IZt/57RdipUVdQ1PunvHp79eqpJfb3uMT2S9eX0XpcUmldFq1nrLeDp49o"
    "3bVETBbB5Ufoqzx/c1EkIzJetiKJ3EVGpcoVJdlXVQY9tpLsO7AN+QsXEVfaUuJwayNWeH"
    "UiwhGEVRl8hPUWLea82bXLjdqIWMYq7r3jWFS38zb3C6mEmvogti39hGu73a7b3t/dNWOw"
    "v28ky333Pr+vt0/OuA6WRRIzIqZNxnHTYPpigsNPWlRi+zSPjZ1REj41khYDMjluWnCXUy"
    "pVw1YGKX/fJKKMpYTM825lNoIH1f6O2WPeXfzjmu8dWcDWinKuhV3KhbRwtkILZ2ktTFz6"
    "bDpTpomrI0NU5r7R8UzLCpSxoPTSbxPT9dnMMqpDC56vxGZk9Z2U7V+evUh6C9rXLbQ1ax"
    "aIeSO48cixRHLK58pL7LMOE+GfRh6e9Cn+641MrD9lLehHO/drY3IJTB/PzOARRHpiSvhg"
    "Ol/lg+kyj/ipNRZRavw9lik4eFQEKziEHlMvPX7S/359cxyrDTjmjjw3brRJlXfFxSO71v"
    "bEHWEk4FZdcTWAfjCqZHjggjPVVY43fXnNNusrC7mj8ks2FVyJBG19PTeU9Ny5fO9TUIRW"
    "ZEcWEZF5h1zWMr2NPF3YqQQQDi4/QnS3sp2FX/RoFrsm3xIdEVFBHYIW5r2mIvvr/wGjde"
    "MI"
)
