from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

# Data: every user made before this migration gets a personal workspace and its OWNER membership (the app makes
# them with each new user from now on, services/users.py); created when the user was.


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "workspaces" (
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "id" UUID NOT NULL PRIMARY KEY,
    "name" VARCHAR(120) NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "owner_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_workspaces_owner_i_94b96a" ON "workspaces" ("owner_id", "kind");
COMMENT ON COLUMN "workspaces"."kind" IS 'PERSONAL: PERSONAL\nTEAM: TEAM';
        CREATE TABLE IF NOT EXISTS "workspace_invitations" (
    "id" UUID NOT NULL PRIMARY KEY,
    "role" VARCHAR(16) NOT NULL,
    "token_hash" VARCHAR(64) NOT NULL UNIQUE,
    "email" VARCHAR(320),
    "expires_at" TIMESTAMPTZ NOT NULL,
    "accepted_at" TIMESTAMPTZ,
    "revoked_at" TIMESTAMPTZ,
    "created_at" TIMESTAMPTZ NOT NULL,
    "accepted_by_id" UUID REFERENCES "users" ("id") ON DELETE SET NULL,
    "created_by_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    "workspace_id" UUID NOT NULL REFERENCES "workspaces" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_workspace_i_workspa_39da53" ON "workspace_invitations" ("workspace_id", "created_at");
COMMENT ON COLUMN "workspace_invitations"."role" IS 'The role the invitee gets (never OWNER)';
COMMENT ON COLUMN "workspace_invitations"."token_hash" IS 'SHA-256 of the link''s token, hex';
COMMENT ON COLUMN "workspace_invitations"."email" IS 'Only the account with this email may accept (lower case); null: any';
COMMENT ON COLUMN "workspace_invitations"."expires_at" IS 'Refused from this time on';
COMMENT ON COLUMN "workspace_invitations"."accepted_at" IS 'When it was used (it is single-use)';
COMMENT ON COLUMN "workspace_invitations"."revoked_at" IS 'Refused from this time on';
        CREATE TABLE IF NOT EXISTS "workspace_members" (
    "id" UUID NOT NULL PRIMARY KEY,
    "role" VARCHAR(16) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "user_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    "workspace_id" UUID NOT NULL REFERENCES "workspaces" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_workspace_m_workspa_8afa69" UNIQUE ("workspace_id", "user_id")
);
CREATE INDEX IF NOT EXISTS "idx_workspace_m_user_id_9ea2be" ON "workspace_members" ("user_id", "created_at");
COMMENT ON COLUMN "workspace_members"."role" IS 'OWNER: OWNER\nADMIN: ADMIN\nEDITOR: EDITOR\nVIEWER: VIEWER';
COMMENT ON COLUMN "workspace_members"."created_at" IS 'When the user joined';
        INSERT INTO "workspaces" ("id", "owner_id", "name", "kind", "created_at", "updated_at") SELECT gen_random_uuid(), "id", 'Personal', 'PERSONAL', "created_at", "created_at" FROM "users" WHERE NOT EXISTS (SELECT 1 FROM "workspaces" AS "w" WHERE "w"."owner_id" = "users"."id" AND "w"."kind" = 'PERSONAL');
        INSERT INTO "workspace_members" ("id", "workspace_id", "user_id", "role", "created_at") SELECT gen_random_uuid(), "id", "owner_id", 'OWNER', "created_at" FROM "workspaces" WHERE "kind" = 'PERSONAL' AND NOT EXISTS (SELECT 1 FROM "workspace_members" AS "m" WHERE "m"."workspace_id" = "workspaces"."id" AND "m"."user_id" = "workspaces"."owner_id");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "workspace_invitations";
        DROP TABLE IF EXISTS "workspace_members";
        DROP TABLE IF EXISTS "workspaces";"""


MODELS_STATE = (
    "eJztXX1z2ka3/yo7/BNnhmYSx079uHfuDLFpQutgX4ybp7d+RhWwGNVColph4vb2u99zdi"
    "XQywokIWDBO9PGIOkI6Xf25byfv2tjd0Bt9uaOUa92Tv6uOeaYwofY8TqpmZPJ4ige8M2e"
    "zS+cwhX8iNljvmf2fTg4NG1G4dCAsr5nTXzLdeCoM7VtPOj24ULLeVgcmjrWn1Nq+O4D9U"
    "f8QX77Dxy2nAH9Rln4dfJoDC1qD2LPaQ3wt/lxw3+e8GN3d63LH/mV+HM9o+/a07GzuHry"
    "7I9cZ375dGoN3iANnnugDvVMnw4ir4FPGbxueEg8MRzwvSmdP+pgcWBAh+bURjBq/zWcOn"
    "3EgPBfwn9O/jt4tMhlhtG+7hq3za5h1Apg13cdxN1yfATq73/EfReA8KM1/IGLz43O0fsP"
    "rzkELvMfPH6Sw1X7hxOavilIOegLlNm09wcF1qagvhiZnhzqCEkCb3jczSAdgpQf1lp3RM"
    "lPX7vkd3jc30nfNq1xLRfOtbH5zbCp8+CP4Ovx6ekS4H9pdDj2cBUH34VpIiZPOzh1LM4h"
    "Exag07Fp2UUgnxOUAjyAc453eMkC8MW0Lo947oEcB/j98dscAMNVmQDzc3GABxab2Oazwb"
    "8XwDlJV834zoN3reCyUbsduTOH+C5xcWElfLH+gQw9d0zgAJx4pM4rRvBN6sShT3CN5TMy"
    "H0lF+XSWh01n2Vw6SzHJc+0M5jSd6ZgzqAUPZDp9mmJUSLtFBk2DDbMIk+5um51zzpt7p3"
    "H5pdU+J+ZgbDllGPDuQw4GvPuQyQA8FWdA36MDGBNpHrQcXz4/IhQJ5OGZN4X826IzY0Kd"
    "Af4g6Zk2jp4fiGnPzGfGJwabjok75B9tOngIeLqaFw/4uN8dvzv5/uTs/YeTM7iEv9L8yP"
    "dL2NNqd9PYI0yGKdl6L+GMb41pJg8ilAk2DALSN+GHTTFlk/sDvODg2rGfg61rCa7d1pfm"
    "bbfx5QZ/bszYnzbHr9Ft4pljfvQ5cfQoOUXmNyFfW93PBL+S/71uN5PS1Py67v/W8JnMqe"
    "8ajjszzEFEaAmPhqjFuD6dDEpyPU6pua4K10OMImznT49qzfAxInLjgZ7Zf5yZ3sCInVkM"
    "D7EgGdQBqKhkXf4Y0P/4c4faJkc4PRgC/e6CL9VX/I5NuOHzHo6Jf8JZEB5djI0FaBPPRX"
    "VkTbhuxF0OFaSe6fdHxh9ub02YPuJ9fnJ7h4qTNTYfqJEhFhUBqoU3asJ9DhUpjw6pR0G6"
    "Mjhma8J1N7Fdc3CoWD2Ytk29Z9zObcoNRmvC9Unc8GJ+v0NHzvLpuBrMWnCnQ0fLth7XnZ"
    "ABWldwp0NHy6MT11t3vQ/w6vB7HSpizH+2qTEByZiui9ct3uqG3+lQ0ZoyLks8UWddsO7w"
    "Tk280aFiZU4s45E+r4lTY2L9TA9W0ZnR3sh1H0E9HExca+1B9VXcrhnc7VBRM/t9d+r4Bv"
    "1WwSrfEDdrfjvkVX7meo9sYvbXFSG+hvc5eKAMy3myfA4HM2DA0Qm+aDXgtea33j9P3xoo"
    "smCz2zaCez4Qx3Tcox4bWZOqJu8XfsdDQg4tse6xm2WbTZ8aH4+TR0wHJLJB8Nv4S5lWV0"
    "nojdQ0mx2HI5xuxsJbtdF4nN+4o9MQ8TQRXxNc9tvC6FP7j47b2WncjjlGQaSA63ZBsD3P"
    "bYmwnYuR6TzQ0EPLkq5ccuTQB1i6nigZuh4xyci1B69348Id4UUwW32zABviROo60eN8CP"
    "z+BGYMAr4bvB/h/crGi4S024sXKTH2b1uf2nc350T8vXc+dRrt7jnhf+6dTvO22fmleU6C"
    "D/fOReOme9eBI8EHvObHu/YlXoJ/1YgyCWauYQ59sX3lnCkpOpXXrfxu7oonxWJHls4MOb"
    "QxIoVDCmtfR6ZPLPiP4XJfJ/TNwxtY9Lk3k/zh9oiVdy2KDfIPJzkG+YeTzEGOpxIBh5Hn"
    "LsCIBJm64YYlgztP3+aJGoSrMqHm5+JYWwM6nrg+jN9ntBkWwVtCqm4Ic0nMj3NhfrwE8+"
    "M05jpcLRv9/QxcyhWuttAE8+pzEZIqlTo1bAkldLhUHFgc3TS0P7oetR6cn+lzSqLNcg4d"
    "lHkGDnvmbG5XiA4oeHd4Y+rztwcpuNtpXYA8lB1Zt0lLTxgwJrHvRGLJsq06mGfw4IFOPj"
    "CiEWwbtu24MyfTuBM9B4/Up4zB/Q0Yf/6UaYPPjg0+egd+kTuwDhg/MK5nBYxHuV40bW37"
    "6Wpb02be5UoPfLckPfCdJD1wmbbepd8yLFKHp60vmzPNf3dj0yVE9OhL49+vY1Pm6rr9Kb"
    "w8woGLq+uPCeADcKwQNukYX23NldxGZSsWYmN0r43Wl8an5jmJfb13mpet7jnBf++dL3dX"
    "3ZbRaf7Y7DTbF3Bt4sC9c9v8n7tmu9tqXJ2TxWdxFyN6MnGgjJns/XGuzNwliblpWzCmIT"
    "DrLwnrlxiCo0TbswK/29QCV7EJeEVU5k+31+2MRP4kYVJKsPo++T9iW2xjGEck897Usn3L"
    "YW/w94oK57XWgIXOquCFMO12QCwHjlmMTBY62VrLIqK5fFlMroAJ8QBvkFwW09pWyYVReq"
    "Mt7lOty6tmYc4BzTnBf+8dWK3umpfnRPy9d2461xfN29tW+9M5WXy+dy6uv9xcNbt46fzj"
    "vfNjo3WFh8RfNbxfY+qbqNMVmZdRGjWmJP7sLvTljcy2qJ0jr9UiZhvRds2ldk2OlTZsrj"
    "JsRodUzLJ50bi9aFw2lxk2dWKnTuw8uJS7fQxe3lGOz75AtUkHDF+x+NCSuGAWJ+s5nTBi"
    "IZ0P+pV+mNq1g6qG+2QNqEf6MNJR/4jEppzDF5TEbUr44lMnPGARQQLpDfhMQEtBmukEyz"
    "i9O32TlFg39BMSP9Fvi30k2JEQCIMPJ+H5iXmRokqKY7FRxIkUPq6Bj8uVEBr4k8ThqfPo"
    "wM7Hr9cepZ16lDyKZUZAsvDcsSH4XQj3LPo1OLEtg9wIJgw8sDANuDDLxLuwtc0DK9kRGe"
    "SLGZYCPdMWFifSEZEScxgsNeOJxF2WbddfUKjsQOGjVjwqwewoXNGFuSvYII64PS8wfxHY"
    "9GyYnTlj47ftCECrS1bdkMzBHyfShuCUIZhKsw6th0xEQ4pSWComhAZo/uv4+P3774/fvv"
    "9wdnry/fenZ2/nsKZPLcP3Y+sTQhwbyjLj+zr22p0YaW+a7ctW+1NRO21Adk6CD/dO567d"
    "5keCD/fO7d3FRbN5iUbY+cekXRbzFtoXzSt+aP5RDWut6cP+OilUEjNKomw6z86WJOp5Lu"
    "oCPn1wvYxQ7dXTJH0Xpd29nUb7ttXE1J35R3RZtLvwwbi5vmpd/Ip+i+j3e6cF4/KqdWm0"
    "2jd3QBn7yh0hv7Qumx2jcdf9zH0hi6/yCYV37DY7bfQFh5/KTLJc8RdLwi/S0RcBN0Ebl4"
    "8H+TyLUynM/5KBLtXnpAjExpShZamIPJwiPAS0ty3hRlyxGGBnyGypmZuKnPiApLTKNhgs"
    "HAQKzwR+RTLGs32sSbq1/KyKYbyD8AVh3PNN9ig1ImUv6zJahZebUAnnz/yKEXxqnonOLU"
    "ncpnT01XyitxPQrF7XCfNdjw5Ij8I1QOjaNjKujKx7fJYrDvJsSRzkWXKHiIPPbLdY/FAG"
    "+R5MpdotPCwJbNqiXwK8AvDTnfqTqc/I2OQW89nIQtu6D3y0bJuMTIZHe4KTwNcjmBXTMV"
    "3fyLLZeelRAJP5ZadmnFzl2Xk99Yg1CAPBcDoCT214LOYv7GTB69ThQ9/1BovpCXy2KUze"
    "nGbgbU7QohHhKUKVuRZdU+e9GQTT0ItUhhvVh65mOLZKRulJfWQKs+jriMIEiTAm7pbEFx"
    "2UmzaV23Di6AbmmWKyt5xeWesOn0DBgwKPTB+2rwEtOY2q98YINCdTrw/7ZyGDv5xYXT5c"
    "AMws5MAziAtPFPYW6pCeJcQF9NvUCcwV4oD8AdwA4cGBZyYgWAxNC6/Bkx4dTuGxdlXYSO"
    "asTzFtefZZxi0qSEPb3oLnYCgFcFSIhX13jNMJJlOP9gEoErzZ+v41tZPT0jmJARhGBIC8"
    "liUJqcq7npjPs5HL6HwIzGCqBo9PjgBaZvXs52CCg8KHwQSg41FCzf5ITd8rbNZeuZzSOO"
    "XeTOZKbIT7NkujkVkF2Zwg1XxWmc+6LkC2XLSfGeK6LsBL5Lpksmd38SoYqZmk0xlMyzOY"
    "5nilQS6cxXSAiTX1RCZTcniVz2baSZaOmsLJDpIpcJRm5VIEI7hAKkWYk5Yvk+L330Mu/f"
    "4717rPuf0Ka3y6w8BST47wEDBpCuoYLPBwnYdR27yxtTV4LU+gqOzO0ryJaBZfsrpkOnEi"
    "b/mtsOZWkFGBmesZVLo6lxK5FFoKPzR5TEvhL5HreaRwj46tb/O8Jy6xFE2cyrjBnmRO4R"
    "OLgBeRiSjeZ6vJU3EIy+Suyen3gwOTac+2+iTI1BZhR5bPTdPBixF8sZ0xBGbPyJWUgFhW"
    "kV5KrrJzABnhetaD5bxiRDwyfBhYDCVhgrjUyYx7kRwX5UWsRwRX5HTpbb4I3jgzAHt1BM"
    "N4nTDsreXL6bJr+5ukJCpAFVQCasn6UekMJZEfAayFS267i4yJxZGsLKabRgc5evWrETkv"
    "Obi5fKfqUzFEOmnRoM+MdKc9Khenbii16cEnn3rFeBKjUoMtZUqG1W6tv+DOvMcqqxPMTs"
    "UozaBZDRwJcpvhf/iNh/Ulzo3wcGYN/FGafZlRTvPrdTq/tMua9TAqEr+3INB4yhKWYYoZ"
    "viWr0JZTHIjeYIsSwfHPRVeTG8/qg6JqLaKKwyKyRXfePLl52al5qcw83/VNu3j9gySZHt"
    "+S8d0H8QR9T4Pi+MpIlQ023RnAIk61OLopOg1tauyKNpuYmEi9J1kxj+yxKyHVAGcB3Dcn"
    "/tQrBXCUVAOcPYJFBHupEbwg1QCnCmpghUiD0T8LIBujURbS2i3m5WGPZxBBe9FMMEw3Qo"
    "s3xqQSGpbI3D72CjSeVCxWZQudJ8Pk0yE8B/UmniXrer7MsSAlVxj82u3nxnfHpx/C8R+8"
    "wStGFmaeOi/+Rm2bmLx04TP39/AvU1ZKw6m+/EiYAlSEW1GaA2ivs2m7vq7wovNo9o0Tag"
    "d76Dyal8pnm5qMGhm9K7J3rASZwuto7evIJTPXe8SKx1yycCeYmsxDeAAVLCbuTR140qCM"
    "OIbGOn3LBlF8ZDoDGAgYZILxxmUEjLM8suFZtmh4lpIMBfRTx7fsojMzQbo3M5MHnfCHJx"
    "YjtvWEacjwEshOB6vROHQGOpIoWzOCN6+g/O++TWQcqzhIi9gmYzTqashdGIssUApicxN4"
    "jkfFXMYXCYtD85D23WjLus1SxSF28USAvJDGqTSoKfNCtInBGv0P9iN8dMvoRjtMFkRXQq"
    "rR1X3XttF3TbLoVgDrzeJOB4psfKtZjW10ilcA8C3e7mZ+t71cEVZiLFkWY0DDc5D23dVV"
    "LXOXqwDpAjnNewqzZG/PgDlXWvP6rfRiDc0OZP2QDNHtdbHck4EZd0Dq9Ph8QAXr41Rabr"
    "DwgBJ7yh3bxzzMXHDpLpZLodpk4YXFTJRUXohN01ylFxIrRL7aC4GHmQ5Eaue5qHrgYCHs"
    "Ov8c1r7D2pQzXgnW8tEAKaqby8suVHFTScWFQiUVkoVJgh6foqvl8toKup6Crqeg5oq+p5"
    "n1up7CS+S6xGOTUdWsaCfUBJWyTpvdJfrYrl8Y1TiRsqDWblxm8R1uZvkjyxHChWj3EJh/"
    "tg+4Tqh/MQn1h9pjWNlYu6HlmLZRHPYkncrxOSv7OwurBlO8tbOwUBdtWBOnUphNJYN/N1"
    "LChblTr08zU/GyCwakCNWoGVCmlEOtE9YHEIYGRo7uOldoaiDwktyaAEcV7dAV5iPnniXB"
    "9SrvIcCQ0PKDj4utTb5++1xm366+N5DukK47pOdYmnSHdN0hfWtJhdxiXzSdMEqksLBUux"
    "XbL4FHXeSzMSQtMZqPT0/z5BeenmbnF+I5Gf5TTxJDvgr/gEhh/MsKq2+P86QD4mXZSwc/"
    "ucvKSKpBvOeFkQ4cTri9j2nyHJQCS0GS7vBWg+pTg3kJqd6zX6h+TJxID2Fp38Y+ZQx+0k"
    "AvlyGLOVvWa1NCrGFOw2xOLCyzM4FfkawU2UaXJN0e9Emvwh68EcOJSGDvAz4PrpchOq9W"
    "LtN3UXj1rnU7jfZtq9nunpP5R1AVr9td+GDcXF+1Ln4FfTH2/d5pAdxXrUuj1b65A8rY13"
    "vnpnP9S+uy2TEad93PoLhGv8rVULxjt9lpo28m/FRKmK+8mG3AzUwv3LJSCP11/G+KzcVN"
    "79666sQu3StBmawCO3uEQlnzS+1CPCTpw0R9wP4FridaTHBVO+cCU/FGr0C7vf0Z7AWyAk"
    "v069inFh1bRlPnWes8azVB1bmqOldVVWSL5qruqCWsmjtWRR1hkzJBVdDmTJPcU2wjolD5"
    "RrtB6zCjgszUT+JWh5abusmkr7uJ7ZrxtKL4mXrOdK95b5RIKNfKnK9sbNbJt9IJUzphSs"
    "0pvqepMzph6iVyPU/CVBDTWjRoKEGmcgxpSVv3RgKECoYGrRMUpDa6m4oKCoLRC+Icp1LY"
    "k1D7ypPbZ5QMKSgnmBDv83LtdWINw2PlPGgnZ7l8aCdnS7xoeFL3rzucMK1Dx3OncVrKgX"
    "uggVrK4axr42r3wt5hWoF7IduWuEn7WGBSvHDhTz94+ZSpLH1RPafVLDR+9uekOYslNQg+"
    "w4AsCMOkBo7kK0aCW/NaBIwc2dYjJS3nyX2kjRac7rmADXv9AzEdfgnpw4cexWRFRp9giN"
    "npYkrb+lGJ8S9u7eP4/0cbBNVZAevaIPiCTEPaIPgSuZ7HIFi02MJaZRaU4+vm6yxEnywF"
    "c3a8a4LsABrabTvYVetJWk/acz0pEjfvVFDhOqX16LiLNfRKDl4e3TJEuaR+uYizyVeRN6"
    "rR8Uo2cCyi/x2ZPhnDRIfjffpaXn+3+C2kCmD0Hfj4D8OP0opg7IzW/LTmp96qs6c6QB7N"
    "LzVR806zFKEWmlTJVzkcOJfIoP2YAXdNQVRqFN5PlFdKpamJu7Uo68MM+U3iu0ag9RaE2B"
    "WiaxmBNZd8Wih6OO4dWDSnkAuQy1o5WMyYTHu21ZedjP0IM4bmk+sB91Zdmt39IfWL6FOB"
    "ETN1tGNDi7fKrmwHLN5qx8ahcT1fpPOL6h/LS4APLY/5RDx46OkXjb2PTNJ3J891XhxhaN"
    "k+9dj6hY0LKEL71eEg3q+g4Canmx2sbHaQ7V/cRbODoj4vPte4RPqKhWX3TcZn25RRj8w8"
    "1+ctyYJZl3OiJUO03+Yrc/R2WaGjtymHpG/5diGP75xAXYaUzfnIi/AygLXDVxGHr28+FG"
    "pkEF6/v/0LqmDFRkrsIbSGD2O90DoTJVJ3/PPFH58Vl/z/gw/8/5hgVWa5f5dvuX+3bLl/"
    "J1nuGTW9/qgwMxJkKrMDt6f6fBt2Bpw552Q2Mn0yhKf5Dl+CiBciqO+U4s/7k1z8wcuy5a"
    "OTNH9ipqKEb991bWo6GSagKF2CPT0g3BR/5ke2u0x9vL6+ii1TH1vJLeHuy8cmTBCOPlxk"
    "CYurpGp+3MpXDPMopUa9AOoRK2gK9Mx0oDiRuhUIr+A5GTnCOIkJyP+oBLyuk0cKCxI2GS"
    "TUhKWHx9YH0RQAv8PMuZdp+1lEHp24nl+YIUkydVmCYWUMNgGXiGfmubO7wXpkDQbUKWF+"
    "jBFWYH3ckiXqM39snqcsutDxfWoeVdR7xmwSczC2HAth911vbUOU4sbJtE067s9KjYslrp"
    "8koY4R0IG/mwV0x0Ut1ay1poOplQymlq+xFSDbwps1g3sdKLypvUXNuqFqLgiVlA3NkwsQ"
    "id3SaQF50gKSamg1eKHOd6goCZWpGpw6/F6HhNQWIvT44MqO0AvHXqGUkvnQz5dHgkaMV0"
    "xYLdwhMZNqHE8OiaSCLEwf3AiLpzPSSyq7szRqMBJ6iSTycMHwTF3XHdDhefuwGO1poFae"
    "8DydIlGpth5Z2vLCGSHRcC5X1HUWRJVZEMlxqy0gqyCNTFUFE0sCWT9bcF0oA4VE14g+kq"
    "fSViBgCqpMEVOEbMT8EIz46C96sugs7s1bJtJu4fdWCbqBi0sq7GqZdqcyLchtTBYJmB16"
    "s6BQN+qmZMDlaa4YmtMlITSn6QgarTVko6+1Bq015NIaojtIAUgTZBpWrT3sRnsIB6LWIF"
    "bBmpiyKmkRvAPbDc9eAybUJGpE4oq8eoToKSfy4nJrEUEanRlk0IFYPjgn9BtQ2c9kNrLg"
    "2BP1GFxfF1F+POJ4xkvwC/kdq8Yzy3+uY9hf3x3DYmGJIrzegHoyTWIrvynVJlKNhwM6if"
    "E8lhipzefKqBrByEhDnRnOGaHQtfYlkZvBSC9aIzVBpkul5iuVOl9y8g/gKInKI7h2jasv"
    "LskYEBtZlusiTPYtOcITNqhrwR6QN2e04hE/y2g586Ptmlk9fLKazgyRRh0eVLE6X17ffb"
    "xqkptO86J12woy5+ZqMT+JhxaJEJ1m4yqZfxJu0YVQjlFpoPMArQ1D2cvG4RqGkoJsXqkz"
    "JQBrW4ZUGCoaBb5PRVR2g2gghZdDNk6sEV5qf5vP8QrMRNwU8ZO41X6uBytNRcklMU84OA"
    "7KCtC9xRJMN/O77eXYzRERHlkcY+DCE5D23dWVDF0jU89fB+VfFjc9aLDj62UG6Lsxf0bH"
    "vMT2mZgSuQyf0UpmhQ2fzoCI+kUY0mD5jPSnnkcdPzRBvmIErvOBOYwccUMkFjFh9bDWAt"
    "4gYDfjhRekwRMb/jWJsTNl0FxWPPTJYlbPsgPFa/nZKcP8maDUJ57m1V0My9GGUqUMpVox"
    "zAT8gBVDXQb00LgeYrSsDOjQ9R6BdWhlLWzHl9Gq3C0eK1O5nvVg4WaJD0xmIyzEwF8jpz"
    "1582b+KKrAuZErcdrn48mCem+4Ih4ZPgwshnLafrCpuGcxg7qUj2YXfAqembtr8F1QMrVy"
    "c6dip4zu0ah7NMZk8B2I27pkpy7ZKeXHXtSIjJTsfFU36736K8JcWNxNn2Ab82eCumLPZJ"
    "Q3OBdlPIlY/sdlduSzXIHuZ0sC3c/Sge6ixCXgPQbJQVa8MHupkpBukV1/i5//51CWrQBN"
    "Nh0OrW8l2LAgVHfOKAt+8ALGOg0FkvdQWn3QzQQSnGfWX4XE4SSdytz++u1zKQ3wQx6pOG"
    "mGiQjFH7LANtkEixZ5WOylDOhJeoXBL6mSnOXZ6bP3+SzgQVYDMOU6SbFVLn4nhRlQ+/kd"
    "DOWf752fj0FXxr8n5+Tk5zIT4iQHU04ymXKSZArem1dHk6grmTaQOJHKpo9LcaHoacJ4Fj"
    "L65I7wH9wj87YKqr5K8ZB6FMa2YQ0KKYopwv3VGGvc70vmbxQy6QjeDF2lEW9v5K35Na95"
    "EghP/MjHv20rneEKVS4kVkq9zdDYd28KVqVWJTI27rYus7fE77BFNeam0/ql0S3ckisgOy"
    "fBh3vnrn3Vuu02L89J+OneuQH0WhdwEf+rhiDGgB8YVJCl7cjnRpyqkj1/dWzA1kSuDTQq"
    "w3odbFTe4ZF9A5U3fjSMha6OMN6GO6Ms+GsyYpvMJ3wsDchROE9gRwlmyOsfiItRNRiaM7"
    "8REyktFpbu243YsCeJcO82NVcqhjMa1pQf0gSVsp0idgZrNDgsjunSJjRRMrU70NRuTG/e"
    "hhTkCMw6B5G755neMywcjv0sqiExgiWnc7fnWAJyhf1qJqIsk1E2nSSLXvkIfb4niPTz2c"
    "hlgb5BLNHfMnittTlVIEtCBOiWiduKU+5PA5Vbd+gT8fDnghWUCWcVFgTAnZX5lm3DxuzO"
    "qpg2isd0pUP5otElxaZlmlL5CbnlpCTdPkW3+lAgXaNYq4/ItK4A2heRfJReCQsnw0gS69"
    "bsGVAgqW5PYJfkJsMmXgVMsTJIBwgWDtA1cTrIiSwzdVSHU/48wH3ZWSS2DPpEnXXbm9zh"
    "nZp4owMaWltKbwwH2fIsx8hQLJzsaEQnRr6GJ9Z4POW3nVtERSVnfr9I9uEPQcigyAoioL"
    "YwbFIi73VSxU2l9dpiucOh+VLXflYqz3BP7NCbdNvoTIgKwdSZEAcb1aozIcqwYiNBKTrM"
    "XpE5ocPsdZi9DrPXYfbqiFw6yl5H2WexQEfZ6yh7NZVmHUWvsLahQ+B3EwKva4Blrz/7WQ"
    "0qTw2wndYwVo3PGwlv2VEFWEWxXaMEbI5eTDqwQAnHZsQTLHFoxv3EuRyZwkkNP2c/+1Y/"
    "nwszG6I8FVAjbYUf4QT+TZY6zToeC3DWlU1363EMmVRGkQ1pt2gs5da1ggjXAgtdYJm7aF"
    "xdnRP8t4wCW7FVIVJoOa+OFSFZS7vaYnJA8MhBd7rf/hbfW4N6pDcd7wlUX7Sj++c/+diz"
    "bfWLWw4MzD8p2kw2Sah8HDnnnUjmOOKTh3juLG9mfzWx5Ttr2rvV2eE+Wdjsq2/a9isWpN"
    "KEnV+311pEPEURY3KU5gA8Zpv2k6zjGVvLI7YlXUe7xBY5+NZfIEBbxaZTjEhlRqvhkXGn"
    "ft/Niu5aPaMi5Ftcu27vLi6azcvmZVEhdk4I0yH8eO/cNDpiFgQf7p0fG60rvEj8RXEXpt"
    "MVPzT/eO90mt1OC48FH8rMmuqdm8IrY3gUAGU+lWz7mU4dGanOIE86dgKUBtS2QPIuA3CM"
    "VAOcBLjvoYDPjL458afFAJaRaoCzAPbocAqvUwbgKKkGOF3GwO1TxuAnDfRGGeMirnU5sX"
    "axp2Gmnud6MNd9+uB6pYtqpe+ichhJt9No37ZATAfVIPwIAsp1uwsfjJvrq9bFryClxL7f"
    "Oy2QGK5al0arfXMHlLGvIAB1rn9pXTY7RuOu+xmLdUW+Zgk/wI1mp41SU/ipjPiTK5p+ST"
    "B9OpZee5izoT9cD7MC7YcVW2srM2j9gSGORV33USqNacKsEU2YLAashFSjmyybVriOSoRE"
    "x5ksjzOZMl1FZXV4SWRA5WnezBfLClC9WdxpL2d+jrCd6L6So3XzjjqP7ym8SxuPywGObk"
    "gVYHyQlUOSMEs2caUaYjcmFnCsJgmqCs7UlwVUmRPLeKTPmw+f0jFPO4150np2JuAHrGfr"
    "bs6HxvUQo2XdnA+x/odoPIvlDsOuzUPX48V2H8UWV7z5YB7P/LLWg5K4RmkK/rJYIrr13P"
    "uS0APKAPzQ8phP+vBCICZQj9V5dV0HG6hgBCZTw6XOKOxZvjEy2agINxJk1bBkE/0gap+/"
    "NC6+u/3cOD79EFYOn41cm3OpTkb0Wxk+fMiTp/ohO1H1QypTlfXdiSzXIjvOd0Gxv0mUNS"
    "F23+KrkCfTntKc02LbUb3028SC0yWEgzjl/pQM79Ahrw3OW2/4I6zWDs9HXOcHfje4J9aX"
    "I8Hrrc01xeWGtLjo0Sf3sZS4GKc8gBHx8piPXWwwOa4M+5O0+zMAGj13KunmwwfFke/yvX"
    "VsOVOfrp8DsM9DYjCA+0r28mxxSkqsdKgGsLpvW9jdKXhiIVyJjhJqiFS674DuO6CATXx1"
    "34Hd2MJ/cnvXU7/nfqtJzOGLk/WcKcboW3EXJCsLJDcIUOCi4dG+6w1gO7GwbjE3VZhkZD"
    "qD71wUMGFfsXxGMJcUlGrg/FRSGHmdm907904DM9ewI9HMs3yfciUddzN4B4eZQtEJlEdQ"
    "6J0HKpY6TMhic+MKPsKRGaRnBZbgOvz8jPZGrvtIeI3we0c8Ih28JvBYQVOeAUhRfcrvwh"
    "8KHhmkK/OROuGdz/kHNFn3TITTcX3SoQOL1eEWfQvAhY0ZHmk8hR3Zmzpv4Kw5wJ+4d8KX"
    "4g2yes/k999hxj1ZfcreWM7QM99gm4U3gnm//55dITrM50UrUrIw9G+1AVyPKdzaeaFowr"
    "Yc5+0naZcUN3B6BROX2zSPZIMY1q2f4Zo3eEXeFtMbFkMCm2vecR9crr7wIbJ/B+G6CPAD"
    "Z3AZXSzDR37Y+a0uli+RHPK81RRh08fqubIc+sww9SiJshkAtc/htgZbhWfBHsJcuGvOxt"
    "xVx6sHq38K4xX99OZU++M1q31FBdgkAwQTZIqx+Qz4P8PW/wAHXsMt3VmdYLVmkD2G/F/4"
    "XcueehT73PZt01o/cXs/1WOejlBYL55TqawQfx098yWOW0QWAicyXmQSFU4fOD3Nkz9wep"
    "qdQIDndAbBYfu4syIbUnr7bpTMr0L3aYgNtSbRNBNX5FU3A6XKiG7V+bry3FzfdkXPnFAc"
    "4YrYTCh0aNAegpIob75TgDZPkazwJoF1IHiXoBSW1qN2qkfFmFFwsUzSHuByuSfLYy7ZhP"
    "mmP2XAP1n5lUwlIUGlk1jTSgEKwU7/uViOcJxIw5qRG1xEjN4HCTo/mjEx+fRtntg0uCpT"
    "TObnEk3B6Dcsvw9aXYnFP0W8Pw5ertmiFoPvQIJdDM3ioKeTo7brUNRuydj1XqKHNyGt5R"
    "XAEmTqG/Z261UM4arAsRioFpeRO+4nwit9jIkxppKbMcmEbBUwyqdCOmDw9hYtoAVyZxx3"
    "3bn4zRlMXID3PNTr6ACWP2JTtOaga65OcEW3uKMOtD/WH9HB1KZk6viWjdEwbNrvU4o9Vj"
    "3yAHdgZDqR65Bb+2WpDy/8vWCk8IeZ11mOKaeJK5NVmhOnkwl2jP6pVdgdq7CHHwDDfVDh"
    "SHzFRNIDORKdj9Ggh8ILD5QeoOPb8rfqeZpPriKieoRGaZdssPh+Zw1EaALj5i8n6DptLs"
    "x5u/fACkw5jIU5EVKpzIuSqlP1QOtSNRsqqwKbaQrObMOUuFphywlftkWcFJ9lvG39n+QI"
    "46I8RoIYKji6kOzyBnNUXe3OfLZdUzKYl9TfX5BsPzFnN0N5Iyk3wr4qX7FXV75bUG+xeO"
    "9Ns33Zan8qKCWGZOck+HDvyIv5xkv3ltlbq88fPNTomp0Zd7n5MICorPUxTr439scX6Xzi"
    "IS7lPFAyUoV3/R26oQ469kglz4kOMMpG/7ACjCSekVJ8T9Lq3Url3Sph9c2r4CfI1Dcs7t"
    "YHFsJVnQ+sGbnjfiK80geWGGPlW5+G0rPtPqQZUKT3aTq08UCg32jz0+SIzXYYRgd1IYdh"
    "OFRy+gsb5K5zRUzMbPaIyR7pAD5iLiEPB+UWLPxaJwymJpycWf6I28QjnglRMIcc3cJ8HQ"
    "BGJHgH9lqWzbjx38sTnRp1BUW9f9qrp6sTqrleHbCIrasTHhrXJfJ2qjrh1LOLmCyCyw/Q"
    "V3n89iRPd0C8bElDlZNUj8DowxUAOkF2cL1NN2IbEoJLEVfagmKPS9w1ebwXRxCkMvgI8l"
    "bOCjnbdrlRBxGTSHEfXdemppOl3M+pEmzqAdmm+BPKdtuV2z5eX1/FYP/Y6ibAvvvysdk5"
    "esd5ABdZQgOVZExbjONmwPbFCi4/aVKF7dM8N3ZGSfjUGLQYBJOj0oJaTqlSDRtZpITeVI"
    "QZCwqV993abAQPavwXVo/5cPLf51x3ZEG0VjTmurBLORcX3i3hwrs0FyYefbLcKTOKs0NC"
    "qvLcuPUt2w6YMQ/pLVRUc/vsMMpXQ11+J237V0cXSaugPdNGW7NhA5k/ghuPXLtIf9VMeo"
    "V91mFT2DeRhyc9iv/yCqjB4ZwztWK/dhRQlCwLym0y8i0KcPMja3ID65ByuRoz8UXBIX6S"
    "11DDMmk9SkGGN/uPZDqBlTY3u7YjBmKFEOyHO3+wIstpinhvVtDaj7w8vqiPMk815O+xqK"
    "PCU1vYCywu/WICqWu31A+qNIJC8J07HM6dGFhLAzOkRJzw0afgcVvOZOq/CTw5r89FUUMs"
    "6rgwFmwrLPvw82t26wbXBWZzOb7XKTCbiuGxZE0oSji9DzDpdqNe70a/74L+1/w2cT2pzz"
    "t+QT2nx9sUVKhnAdnmO9dle40xZ3QRlB/R+7Q/WfuTFV0J9tSzqP3JL5HrefzJe5hT9T93"
    "zbsg2amAWiGozon4e+907tptnmIVfIAjzcblr/Ad/yRTq+6d5r9vWh08EHwoZYqtvlmbD9"
    "c9UENaUnqJhyJOprI5HBNDTa8/AtnxFcMWbaIwvsWrEOF7KFRMlVl/UaP37EslZushOz83"
    "Rqew8bNows6/jo/fv//++O37D2enJ99/f3r2dm7hTJ9aZur82PqEhrIYKyRl0F5cT7Y77i"
    "CahVW6gomCU+ORTnysiB+0Z+Kr2gss0aUr423YPa5NXtrktecmr43mLrjeI5uYfVqTZS3M"
    "T9aXWW9m4WXbttbwTjDaGqOtMYouDnuql2trzEvkeh5rDP9bQFgNr1c5zrCksPruOFfY2v"
    "GSsLXjlLCa3Qptta1r+23Rat1m40tRO9dNs3N73W5cYe0g8enewfuck/nddm610jqD1hn2"
    "XGeISMHOk+VzF/i6fvJQzG/N73hA4McWgDEd96hXFV5f+N0OCautaKSRYbZMN42Pxhxaqp"
    "GYERtWWCO/qxPT1VJdPdfOEGdXi1shrcqiLXdO4YNy4zsf9pQSGKuMHDmYSEOuv7abnVK5"
    "TNVLXb77SB1jZLJRERUjTlUNN1aP/jJxo58b3x2ffgi7z9qW8/gKi2LA49fJiH4rw4QNVJ"
    "4em1ahDO45gcL+iBpq48IBJaLLwgIkFiP8+XlLVDjHfVK2O4OZ0TcZff0D/7FzYjqlMs3e"
    "59IR3y/REd+ndUSFnIjbWsY6dDhldECGnjsWXMMHJGLHf1n+QjFIy/X4i5PujxOZN3myfJ"
    "43w8fBURBdAUy36Xdw6AU6jj36BFtHmXEQp9yfYaBXAe1zOVjrex6fy3wB7xXt6JamVD7P"
    "aiuqYXpGFYY2RaiNvwlokwaQvMgm6TSwy63qs2i0xpqW9Vjkx36Cu9K8nhxfchO7fJHQzo"
    "tV6KbWxdXwRnap7eGr5m62Et70jh7DFx6DtO+urnYeVhb4PpYZ8BfukTzG+4hrplrDfdpS"
    "j3We5J0mwzN1bc7X5vzt2cG4tf5cGO3vncbll1b7nPA/907zstW9hpPi773zS6v5FS8Wf9"
    "Ww8L88tXXRoJyXxv7DtZzc+UCHq8hGls+8a2KEROsBWsHSCtbuwd2AgjVlOi5sNa6RtVCl"
    "VJIG9az+qCYR9YMzSyV8c3HNJuNxConomQmx0vVSkggbcG/bsQb5jeWV1PfLlsifQFMrWK"
    "g8QqKyLF4yanwjad04qQogHFx+gOhupJQs/KIvLVWZXQU+QqIbKhes7p6Sv7a5mf3z/6/L"
    "x6w="
)
