# Rewritten by scripts/makemigrations for SQLite: foreign keys are declared on the added columns (SQLite has
# no ADD CONSTRAINT), and the downgrade keeps those columns (SQLite cannot drop them without a rebuild).
from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


# Edited by hand: see the `-- hand-written:` blocks at the end of upgrade (and, on PostgreSQL, the start of downgrade).
async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP INDEX IF EXISTS "idx_playground__user_id_9eb346";
        ALTER TABLE "playground_gallery" ADD "mode" VARCHAR(32) NOT NULL DEFAULT 'TEXT_TO_IMAGE' /* TEXT_TO_IMAGE: TEXT_TO_IMAGE\nEDIT: EDIT\nMULTI_REFERENCE: MULTI_REFERENCE\nSEQUENTIAL: SEQUENTIAL\nEDIT_SEQUENTIAL: EDIT_SEQUENTIAL */;
        ALTER TABLE "playground_gallery" ADD "prompt" VARCHAR(2000) NOT NULL DEFAULT '' /* The image's prompt as the user wrote it (a copy) */;
        ALTER TABLE "playground_gallery" ADD "tags_text" VARCHAR(1000) NOT NULL DEFAULT '' /* The tags as |tag|tag|, for filters */;
        ALTER TABLE "playground_gallery" ADD "search_text" VARCHAR(3400) NOT NULL DEFAULT '' /* Title, prompt and tags: what full-text search reads */;
        ALTER TABLE "playground_gallery" ADD "style_preset_id" CHAR(36) /* The first preset of the batch (a copy, for filters) */;
        ALTER TABLE "playground_gallery" ADD "project_id" CHAR(36) REFERENCES "playground_projects" ("id") ON DELETE CASCADE;
        ALTER TABLE "playground_usage_analytics" ADD "outcome" VARCHAR(16) NOT NULL DEFAULT 'SUCCEEDED' /* SUCCEEDED: SUCCEEDED\nPARTIAL: PARTIAL\nFAILED: FAILED\nCANCELLED: CANCELLED\nRETRIED: RETRIED */;
        ALTER TABLE "playground_usage_analytics" ADD "credits_captured" INT NOT NULL DEFAULT 0;
        ALTER TABLE "playground_usage_analytics" ADD "kind" VARCHAR(8) NOT NULL DEFAULT 'IMAGE' /* IMAGE: IMAGE\nCALL: CALL */;
        ALTER TABLE "playground_usage_analytics" ADD "images_requested" INT NOT NULL DEFAULT 0;
        ALTER TABLE "playground_usage_analytics" ADD "item_id" CHAR(36) /* The provider call's batch item */;
        ALTER TABLE "playground_usage_analytics" ADD "provider" VARCHAR(32) NOT NULL DEFAULT '';
        ALTER TABLE "playground_usage_analytics" ADD "credits_refunded" INT NOT NULL DEFAULT 0;
        ALTER TABLE "playground_usage_analytics" ADD "images_delivered" INT NOT NULL DEFAULT 0;
        ALTER TABLE "playground_usage_analytics" ADD "image_edit_id" CHAR(36) /* The image (IMAGE rows) */;
        ALTER TABLE "playground_usage_analytics" ADD "presets" JSON /* The presets used: [{presetId, version, weight, intensity}] */;
        ALTER TABLE "playground_usage_analytics" DROP COLUMN "credits";
        ALTER TABLE "playground_usage_analytics" DROP COLUMN "succeeded";
        ALTER TABLE "playground_usage_analytics" DROP COLUMN "images";
        CREATE INDEX "idx_playground__owner_i_817a56" ON "playground_gallery" ("owner_id", "project_id", "created_at");
        CREATE INDEX "idx_playground__owner_i_ccd38b" ON "playground_gallery" ("owner_id", "is_favorite", "created_at");
        CREATE INDEX "idx_playground__user_id_3db0f2" ON "playground_usage_analytics" ("user_id", "kind", "created_at");
        CREATE INDEX "idx_playground__kind_06302c" ON "playground_usage_analytics" ("kind", "created_at");
        -- hand-written: rows written before this migration were one per provider call outcome (the old
        -- recorder); they carry none of the new counters, so they become CALL rows and never count as images.
        UPDATE "playground_usage_analytics" SET "kind" = 'CALL', "outcome" = CASE WHEN "error_category" IS NULL THEN 'SUCCEEDED' ELSE 'FAILED' END WHERE "item_id" IS NULL AND "image_edit_id" IS NULL;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP INDEX IF EXISTS "idx_playground__kind_06302c";
        DROP INDEX IF EXISTS "idx_playground__user_id_3db0f2";
        DROP INDEX IF EXISTS "idx_playground__owner_i_ccd38b";
        DROP INDEX IF EXISTS "idx_playground__owner_i_817a56";
        ALTER TABLE "playground_gallery" DROP COLUMN "mode";
        ALTER TABLE "playground_gallery" DROP COLUMN "prompt";
        ALTER TABLE "playground_gallery" DROP COLUMN "tags_text";
        ALTER TABLE "playground_gallery" DROP COLUMN "search_text";
        ALTER TABLE "playground_gallery" DROP COLUMN "style_preset_id";
        ALTER TABLE "playground_usage_analytics" ADD "credits" INT NOT NULL DEFAULT 0;
        ALTER TABLE "playground_usage_analytics" ADD "succeeded" INT NOT NULL;
        ALTER TABLE "playground_usage_analytics" ADD "images" INT NOT NULL DEFAULT 0;
        ALTER TABLE "playground_usage_analytics" DROP COLUMN "outcome";
        ALTER TABLE "playground_usage_analytics" DROP COLUMN "credits_captured";
        ALTER TABLE "playground_usage_analytics" DROP COLUMN "kind";
        ALTER TABLE "playground_usage_analytics" DROP COLUMN "images_requested";
        ALTER TABLE "playground_usage_analytics" DROP COLUMN "item_id";
        ALTER TABLE "playground_usage_analytics" DROP COLUMN "provider";
        ALTER TABLE "playground_usage_analytics" DROP COLUMN "credits_refunded";
        ALTER TABLE "playground_usage_analytics" DROP COLUMN "images_delivered";
        ALTER TABLE "playground_usage_analytics" DROP COLUMN "image_edit_id";
        ALTER TABLE "playground_usage_analytics" DROP COLUMN "presets";
        CREATE INDEX "idx_playground__user_id_9eb346" ON "playground_usage_analytics" ("user_id", "created_at");"""


MODELS_STATE = (
    "eJztXftzozYe/1c0/qXpTG5n4012c76bm3EcNqX1Ojk/unfXdFhiZJsuBpdHUl9v//eTBJ"
    "iXsBE2WCaaaTdY6Cvg89Xz+/yztbQ0aDhvJg60Wx3wZ8tUlxBdJMrPQUtdraJSXOCqTwap"
    "6KEapER9clxbnbqocKYaDkRFGnSmtr5ydctEpaZnGLjQmqKKujmPijxT/92DimvNobsgL/"
    "LLr6hYNzX4B3TCn6uvykyHhpZ4T13DzyblirtekbLJRL79SGrixz0pU8vwlmZUe7V2F5a5"
    "qe55uvYG0+B7c2hCW3WhFvsM/JbB54ZF/hujAtf24OZVtahAgzPVMzAYrb/PPHOKMQDkSf"
    "ify38ErxarpiiD+7EyksaK0mLAbmqZGHfddDFQf37z240AIaUt/IDeD93h2bv33xMILMed"
    "2+Qmgav1jRCqruqTEtAjlB3v6TeIWJuBurdQbTrUMZIU3uh1q0E6BKk4rK3xAoIfP4/BF/"
    "S6X8DUUPVlqxDOraX6h2JAc+4u0M/21dUW4H/uDgn2qBYB30LDxB88g+BW27+HmRCBDpeq"
    "brBAviEoBXgA5wbvsEoEeDSsyyNeuCMnAX7XflsAYFQrF2ByLwmwpjsrQ10r5DcDzmm6w/"
    "TvIni3GKeN1mhhvZjAtYCFJ1ZAJuu/gZltLQEqQDe+QvM7B+AvOQcmfEZ1dNcBm57Eyqfr"
    "Imy6zufSdYZJtmXkMEcyvSVhkIxeSDWnMMOokLZGBnnBgsnCpMlIGnYIbx7N7u0nedABqr"
    "bUzTIMuHhfgAEX73MZgG8lGTC1oYb6RJYHsunSx0eMIoU8eueqkH/LOjJW0NTwA8GTauDe"
    "8zegGi/q2iEDw/GWwJqRSwNq84Cnu3kxx6/7l/bF5YfL63fvL69RFfJJm5IPW9gjD8ZZ7D"
    "FMikpZem/RHVdfwlwexChTbNAC0jfhRVVMqXJ9QB+o3ZvGOli6tuA6lj9Jo3H30wN+3NJx"
    "fjcIft2xhO+0Sek6VXqWHiKbRsBnefwDwD/Bf+4HUno3tak3/k8Lv5PquZZiWi+KqsU2LW"
    "FpiFqC695KK8n1JKXgOi9cDzGKsZ28PT7WzL7Gtty44Emdfn1RbU1J3Im6hz8hKdBEUEHK"
    "vHwT0H/8aQgNlSCc7QzB+a5Hpuo+aVFCDa5PsE98C0dBWBr1jQi0lW3h48iecD34rTQVpC"
    "fVnS6U36ynPWG6we38aD01FSd9qc6hkrMtYgFKxg1JqJ2mImXDGbQh2l0pBLM94RqGrRHc"
    "morZXDUMaK8V3YXLPQG785uSUUtNRctx1wZUVmgdhvuOxhFu6oG01FS0PIfMXM/Q3BesCW"
    "5Jwg01CSu8/7LaVt6OLHtr2V6mS1QTIaMFz8ZPyt1rUQTu1A1ZvvTdP2or0Rm1Uin8L0S8"
    "ofhS9NgJE1X7JZrqW78Kaf1RpfXq0vJMytkxV2ATEdQnrykhrO8tVHMOQ7mMkxbggDMTzt"
    "Gs9QzBzLKBChaWoX1/HMHNAldCo9VVGdiQJOJXdJbkQyDtA2jEYMCPg/dX9H1lpcQhbX1S"
    "4hJ9fyTfDSYPHeD/fTTvht3BuAPIn0dzKI2k4c9SBwQXj2av+zCeDFFJcIHrfJwMbnEV/J"
    "cP2XIwchV15vrLV8GRkqHjed4qLtw68KCIVmTqyKBDmyDiWJHY+rxQXaCj/xw83Z8D+Gb+"
    "Bk36RIYBfrOegF50Lkp08veXBTr5+8vcTo5vpdSMsfdmYESKjF8lY0mV7tXbIrpCVCsXan"
    "IvibWuweXKclH/XStf4ZoFbwopv4YLJTFvF8K8vQXzdhZzoaTKR/801RWFlFTRSbDoeS5G"
    "cshDHR+yhBJnuIz2J4luFtqPlg31ufkTXGd2tHlCGsjRJnZv8QwqttWXjVwh3qHQt6Mvhi"
    "75erQLHg/lHtoP5evTqpT0hGoiinwnpkHKl+pg66K5jc7kmhLXW1Us27FezFzhTvweeqUp"
    "dBzUvoL6n+s5QuBzZIGPWIFf5QoszEQaxvU8M5E411mNVes3Uq3tNHNRyCj4YotR8AXFKH"
    "jbaX0M/8iRSDXvtL5tzEj/GieGS4jo2afuv75PDJn+/eAurB7jQK9/f5MCPgBHD2Gj9vHd"
    "0lxKMzxLsTA2yvhekT9176QOSPx8NKVbedwB+N9H89OkP5aVofRRGkqDHqqbKng0R9I/J9"
    "JgLHf7HRBd+60o8ZupgjJisnftQvb4W8zxs7JgbHzk6P+lsH6LIDhOVJ8U+KKqCe7AIuAd"
    "1hE/ju4HOe47acL0LkGfuuB/wNCdyjCO7cyfPN1wddN5g5/HujlvyZoTKquCD8LG9hrQTV"
    "SmO2AVncn2mhYxmtunxfQMmNoe4AbS02L2tFVyYqQ2VOM6Jd/2JWbOIZoOwP8+mmi2mki3"
    "HeD/fTQfhvc9aTSSB3cdEF0/mr37Tw99aYyrbi4fzY9duY+L/L98aL+W0FXxmY5lXMZp+B"
    "iS+LHHOC9XMtrico6iUouEbETINbfKNQlWQrC5S7AZ71IJyWavO+p1b6Vtgk1hzi3MuRtn"
    "msyZczLPtranAlWVChgyY5GuRVHBRDfPCyph/Il00+l36mFa9yY+aljPugZtMEU9HZ8/Yr"
    "YpHfQD78QNCMjkcw6IwSIGCe3eEJ8BOqVgGm+Fnbcvrt6kd6wVPYKiJ/olWkeCFQkDoZDu"
    "5Gt+Elqk+CHF1J1FoEQSGqKjaohsiJ0F0U7BtpaKzz8m3PPo9+BEXQI2dOrHL+wf9S00av"
    "xvcfY+7u9kR6yTRyMmA3qubCtJJCwcKeItNAEuVxT1V76cPqLgWSFCeq3/qmiaRnM1mqF9"
    "8VUw4Z8R+VwgzgJoETPQ6Cxo6163YB9LUfK8/3I7f5JICHYzgl0IKRP4jT7PRTSkKIUlZ5"
    "vKAM2/ttvv3n1ov333/vrq8sOHq+u3G1izt7bheyPfYYgTXZkmTN9H/noUoeuDNLiVB3es"
    "cteArAOCi0dzOBkMSElw8WiOJr2eJN1ioermMi1nxX4Ig57UJ0WbSz6kr6qL1tcVU2CbOA"
    "m37jlHm5KgbVu2MkVfP7fsHNPr3cMk2wrX6tthdzCSJeyKs7nEKojBGF0oD/d9ufdvrIeI"
    "/340ZdQv+/KtIg8eJogy8ZMoNn6Wb6Wh0p2MfyC6jegnfUDhFsfScIB1u+FVmUFWyJ5iiz"
    "lF1poi4CY6XdP7A32cJak45n9Jw5XD+5j4iC2h4wSBEYruhzOETUC77h1uTLWKDeYUmmw0"
    "d1GhEzdol3awBUZd6Qo68KzQUyh9PF9nmqbbS2/KGcZ1K0jRqm2XMzpNUh7A6PR0OMG5jW"
    "nWtDguumVkc4pU8JlnPgvHgfzF6zRNyIXjwGvkehHHgbQWr6jqJ00nTJy2mzht8MqCzGzm"
    "1EDLm/OUqVO6e5U3dzqKGQ+fm5MjWFvgXppnbBH0YAZbi9BorZipxZcvIZe+fCG2EB2iLc"
    "NBQKwZsOHUsjVwhosQkzwILDTBo3o2VgOTePe69j3dwuJgLVMNK+JmfunwE1nLiqL+uaFT"
    "Li4PTNtzqIT7LhfGGWIX3rT9mNiFv0auF9mFL3NVIbtVY8t9FCK1Wa4Ih8bTNRfwfasYV8"
    "9W2jMrayvgayoRa1GV0TjSXUYlefYED90h5mj/30rsPqWwOsuDwytFfcMuJnfMGAkfXl9l"
    "HDG5VWqsVBtduUEiw8I8SVDxwZYyznitkf5f1PIUxwB2zgG2EzsHmzCQqCSwMkT/o2fM9z"
    "ecrYSHL7qGhmuGfblq1019YVhLjV+szxcsIaQjAoEnzXQQDTHF1Wm+jwW3A/EGatwRtH9i"
    "nU0ebH0KAX7VTaTuIDwD68pbxEom30gmYyPjWq5qsFsip8lE/6YlqkPbEyy01djxpZEK48"
    "o0wDNVN8qgm6ET0FKSLGKdATYRgvYzzax+V6bLBKkAOA/gqbpyPbsUwHFSAXB+D0YnAq1k"
    "D45IBcAZ03bse6048HcGZBM03ELaGkHUNs6egragT9GezVAdF6y8J4MYcwEYOp/Xjz0HId"
    "05U/LWENM9dDRkQTtO04D4h1WLh4XJ/jFN9oUd82uwbxV2zK+DzyJs24EDViTthopCmqQS"
    "oGbyccWDqOwRf+U0Qq/UjG48Yi0juhRSga6I41hHHEfKpHsAWGNZZhqKbHKp2Y1tfIgfAG"
    "C2VOF8zgg7MaZMiwmg0XuAwaTfb+WucgdAmsEF4kRhpqztOTAX8oLYPzRnIkBiQ+YPShet"
    "LyruiXTMpNhVeNOIMK+cOx5FXYvieZTod4Vcj1JdvpjvkY31J46L00lg8o7v9WOuPGxLR/"
    "Kie+7UWkKgmhp4WUAbBkmLHRcthRrd7egQje6b8i/tmBcEwfXDvm73LRL+RMKfiM/twYl6"
    "lgh/otfIdYroO8ernzW0cIqKW+uE49nrGpbLjGqSiFtQWw+Wo5MV7kV3F7rpby7Qce87Bw"
    "TyjPoBF35xr8YvrqlBuzm2dcByPNbEsUmqJtiY1JA91rE8ewpzzbS35FtME/LhT1Yq3+Iw"
    "9B3zT68OOJsM+/j8io6tNjmiotL9g9VXE9+Qmn90yyihpx7lamJCDAnFCfh1geqAz3/8UG"
    "YxOHwUbhHHXsSxLzA1iTj2Io59bQbnRAzMamoeJ+J4s9Qa+csvQK8a2vqj5RCTlujN7aur"
    "IrbnV1f5tuf4Hg1/zzbY8Q+IOMa/7Gb1bbuINyyulj91kJvH9JrnDeITd5pvOJyoeZyn0A"
    "eFYSpI0zVvNjh8/ggSXuBp7TL5FieJRBem5qcTiSGqh1kkhshiXLfgRGR/EtmfRPan46ze"
    "wpX0mOqVIIQCw8oeo+BW/NLq+S8JpmigzqEGZpbt51AmR+2CE8yBF3oOchicTmdnzk/NZp"
    "x3QknAa0ZTeKMKb1Q+QRUefcKjj1dkWT36jpRnh88V60BpdtJ7gkNBW9CZ7ESxjW2Fymcv"
    "mquGAe21cgD/vTu/qaZ58FXpSbQxWSJeQy2KO1GqxnlBn6JNHO2YaddOx6J8rPZx6hFeOc"
    "Irh88hf6L+GcIr5zVyvYhXTmDjympElCLj2aa0pOy7EoMhRlOhfYyE+Ea3KiuhwDidEeck"
    "FceahdZn4kH9AsEMosMK9rp2AY7GcQ70WVhWTqN2eV1Ip3Z5vUWrhm+KXCfNMdtqOp5Htd"
    "viDtyGGm5xh/OBO7HQ4Qh1Aweixd3qhnzZYpXysriIkSIsS0kgC0nKAgHo4QVkqTzbmyA/"
    "uIAty7buKCQlwpR2M/EQR5mpz5atu3BXVRFFR8jrTm32OlHJjZDXvUauF5PXvarY0a3xAo"
    "KZbuMUP35u18ATkGiJwZkKptZqfU5M/ma6gVPc7u+uz2Dvc1rBYJKhXRgXOREXZmdcmK0Z"
    "h2qPC8Oab4iMNbLp/M4B/gvjAAx4tHno7AJebMsl0RuDUVdwoGVyQBVMArU1C1TGgN/VXY"
    "NJhrMh4JchZTUXVaTZir9ZBuV8s/0UWQOwrttm31XnTOF5wvqnG5WHW8cxDK3ior7ONM/E"
    "ifjt/2Tyx++Kp/z/oQvyf2JjVWa6vyg23V9sm+4vKNO9A1V7umBmRoqMZ3bg5el8swybGm"
    "FOB7wsVBfM0Nv8BX8E8D8I4PNOKf68uyzEH1wtf390meVPQv6Usg+0LAOqZo4IKE6XYs8T"
    "IqyKP5uSeqepm/v7fmKaupHTS8Lk042EBghBH1XSfaEqJRZMUpDHhnmcUqDOgnpCRpvBfY"
    "usM00o1DBCr9Vo3yQ+TeaFrpBLXSF9jj0Asiw5Xk4V3szawqf7F58TwkG8v46j6o6neqOo"
    "ulOZ4AqpuuM6g2N6hGBd9LPu6E862out03eF/lnon/mcsk9UEyn0z6+R60X0z6yx+feKys"
    "8dX6sPyy/0LEfSs/iSVgWHmzZUmgxtV9KPBGmNDPjTf/y3xjBCtdFVqHAoqvZKUvGh/MKP"
    "ZU5Jcee/HG4I7blRO3NfBR+Yv0xVO0wIy5+CLPhIRcfuEU6wUU+dJw1LzZ3DKNQpTs4weV"
    "U8vHhTVeD3LYy4vZ/c9CXwMJR68kgOmLJZ8cnNpBB6KHX7KdyTJ6MytkjJFupMlzCUf0bb"
    "GtZREpDhqJPk4tEcob5LMiOQv4/mA0JO7qEK5G8Z3VgFKUQQLyBzlMkk1UG8E3efS2vbRR"
    "3eOusZLQLU7VOul1GMoj4Xo4uq4D2wf5GfNXpqeSaL52GKitvgkUeDdWbZX9EZGDvvMmpk"
    "spRCKyNUh0LNxZ2mgE3NFRvWB4A2Jew/yVlgJ8DZmTABM3oNMJj0+8XCmm3izu0Z06x5Ef"
    "oy3XRPhBrZNyl7JvgMTVq0bRasJrglCTfUIKiqVILGAKPoQJNwFlKB+rxEjzPWrj6tQwmK"
    "vS2C+ewruoH/pnWheeWJ4JlCL3pcvWjIpDICmZC2RlFMKaewwBkscALrdft9nO+jX8pRq0"
    "gEovzwQ5nYQzGrhcJS5IjkBDLsEJv94JWxi5aGe5//W9bOQSDVOAcvJArQOdgIVr/9yqf8"
    "mAtr2hp5R14bnJHBA2zrpV7f1YanUghGh/Wsa9AGU9UwvnMCt+EwYHSNlrfkLVikvnGaBq"
    "hzqxb6npYjdpneLLyv44HEXJ1tOCWIeGZ0yRF14L2T5blTK8/SZ/eIipHXOHdtkqKzbmLp"
    "idUfukN/FAQXxVKtP5pDaTyUcVlwwYfu0Q/qrtgQAeq4kLLs5+pyaKRCoUN1BXOw+FFHO+"
    "8yACdIBcCZaJ1+mjdlqq5cjw1gGqkAOA9gG8489DllAI6TCoBFkuWjwCwS/IoEv+ntj/BR"
    "yYf+NL0VivioiCyswpX8VDB9ZZEda0Y3plMtimqMRBiEbTcI8xxhD7bbXCnWoYRHfj0e+Z"
    "EJmEjIWklCVjrA8QXpABg30mAsDTNlEWe2ZqzSsKoLbX26aFGMqoI759sMqtSoTpXGU0wW"
    "T/ny2ILyq4CN+1k6cS9YyTdwyvW0ydfD5bvaNEELV0nSQDyoGBAOqjcQ3YuisUS3hRLNCI"
    "b8XF5ZhPOtxGIk9TsaH+docDBzr8whos7F7Nv/AYc1eVc="
)
