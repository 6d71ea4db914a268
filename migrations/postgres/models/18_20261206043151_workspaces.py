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
    "eJztXX1z2ka3/yo7/BNnhmQSx079uHfuDLFJQuNgXwzN01s/owhYjGohUa0wcXv73e85Kw"
    "n0sgJJCFjknWljkHSE9Dv7ct7P37WJPaQme91j1Kmdk79rlj6h8CFyvE5q+nS6PIoHXL1v"
    "8gtncAU/oveZ6+gDFw6OdJNRODSkbOAYU9ewLThqzUwTD9oDuNCw7peHZpbx54xqrn1P3T"
    "F/kN//A4cNa0h/UBZ8nT5oI4Oaw8hzGkP8bX5cc5+m/Fiv17r8yK/En+trA9ucTazl1dMn"
    "d2xbi8tnM2P4Gmnw3D21qKO7dBh6DXxK/3WDQ94TwwHXmdHFow6XB4Z0pM9MBKP2X6OZNU"
    "AMCP8l/Ofkv/1HC12mae3rrnbb7GpaLQd2A9tC3A3LRaD+/se77xIQfrSGP3DxudE5evf+"
    "JYfAZu69w09yuGr/cELd1T1SDvoSZTbr/0GBtQmoL8a6I4Y6RBLDGx53O0gHIGWHtdYdU/"
    "LLty75Do/7nQxM3ZjUMuFcm+g/NJNa9+4Yvh6fnq4A/tdGh2MPV3HwbZgm3uRp+6eOvXPI"
    "hCXodKIbZh7IFwSFAPfhXOAdXLIEfDmtiyOeeSBHAX53/CYDwHBVKsD8XBTgocGmpv6k8e"
    "85cI7TlTO+s+Bdy7ls1G7H9twirk1sXFgJX6x/JiPHnhA4ACceqPWCEXyTOrHoI1xjuIws"
    "RlJePp1lYdNZOpfOEkxybDOFOU1rNuEMasED6daAJhgV0O6QQTN/w8zDpN5ts3POeXNnNS"
    "6/ttrnRB9ODKsIA96+z8CAt+9TGYCnogwYOHQIYyLJg5bliudHiCKGPDzztpB/k3dmTKk1"
    "xB8kfd3E0fMz0c25/sT4xGCzCbFH/KNJh/c+T9fz4h4f99Xx25OfTs7evT85g0v4Ky2O/L"
    "SCPa12N4k9wqTpgq33Es64xoSm8iBEGWPD0Cd9HXzYFlO2uT/ACw6vLfPJ37pW4NptfW3e"
    "dhtfb/DnJoz9aXL8Gt0mnjnmR59iR4/iU2RxE/Kt1f1M8Cv53+t2My5NLa7r/m8Nn0mfub"
    "Zm2XNNH4aEluBogFqE67PpsCDXo5SK67JwPcAoxHb+9KjWjB5CIjce6OuDh7nuDLXImeXw"
    "8BYkjVoAFRWsyx98+o9fOtTUOcLJweDrdxd8qb7id2zCDZ8OcEz8E8yC4OhybCxBmzo2qi"
    "MbwnXj3aWqIPV1dzDW/rD7G8L0Ae/zi92vKk7GRL+nWopYlAeoFt6oCfepKlIOHVGHgnSl"
    "ccw2hKs3NW19WFWs7nXTpM4Tbucm5QajDeH65N3wYnG/qiNnuHRSDmYtuFPV0TKNh00npI"
    "/WFdyp6mg5dGo7m673Pl4dfq+qIsbcJ5NqU5CM6aZ43eKtbvidqorWjHFZ4pFam4LVwzs1"
    "8UZVxUqfGtoDfdoQp8bU+EIrq+jMaX9s2w+gHg6ntrHxoPrm3a7p362qqOmDgT2zXI3+KG"
    "GVb3g3a/6o8io/t50HNtUHm4oQ34L7VB4ozbAeDZfDwTQYcHSKL1oOeK3FrQ/P07cBiszf"
    "7HaN4IEPxAmd9KnDxsa0rMn7ld+xSsihJdY+ttNss8lTk+NJ/IhugUQ29H8bfynV6ioIvR"
    "GaZtPjcDynm7b0Vm01Hud37ujUvHiakK8JLvt9afSp/UfF7ew1bkefoCCSw3W7JNid57ZA"
    "2M7FWLfuaeChZXFXLjmy6D0sXY+UjGyH6GRsm8OX+3HhjvEimK2unoMNUSJ5nehRPvh+fw"
    "IzBgHfD94P8H5F40UC2t3FixQY+7etT+3ezTnx/t5ZnzqNdvec8D93Vqd52+z82jwn/oc7"
    "66Jx0+114Ij/Aa/52Gtf4iX4V44oE3/mavrI9bavjDMlQSfzupXdzV3ypFjuyMKZIYY2Qi"
    "RxSGHt21h3iQH/MVzu64S+vn8Niz73ZpI/7D4xsq5FkUH+/iTDIH9/kjrI8VQs4DD03DkY"
    "ESOTN9ywYHDn6ZssUYNwVSrU/FwUa2NIJ1PbhfH7hDbDPHgLSOUNYS6I+XEmzI9XYH6cxF"
    "yFq6Wjf5iBS5nC1ZaaYFZ9LkRSplInhy2hgA6XiAOLopuE9qPtUOPe+kKfEhJtmnOoUuYZ"
    "OOzo84VdITyg4N3hjanL3x6k4G6ndQHyUHpk3TYtPUHAmMC+E4olS7fqYJ7BvQM6+VALR7"
    "Bt2bZjz61U4074HDzSgDIG99dg/Lkzpgw+ezb4qB34We7AKmC8YlxPCxgPcz1v2tru09V2"
    "ps28zZQe+HZFeuBbQXrgKm29S3+kWKSqp62vmjPNf3cj0yVA9Ohr498vI1Pm6rr9Kbg8xI"
    "GLq+sPMeB9cIwANuEYX2/NFdxGZisWYqN1r7XW18an5jmJfL2zmpet7jnBf++sr72rbkvr"
    "ND82O832BVwbO3Bn3Tb/p9dsd1uNq3Oy/OzdRQufjB0oYiZ7d5wpM3dFYm7SFoxpCMz4S8"
    "D6FYbgMNHurMBvt7XAlWwCXhOV+cvtdTslkT9OGJcSjIFL/o+YBtsaxiHJvD8zTNew2Gv8"
    "vbzCea01ZIGzyn8hTLsdEsOCYwYj06VOttGyiGiuXhbjK2BMPMAbxJfFpLZVcGEU3miH+1"
    "Tr8qqZm3NAc07w3zsLVqte8/KceH/vrJvO9UXz9rbV/nROlp/vrIvrrzdXzS5euvh4Z31s"
    "tK7wkPdXDu/XhLo66nR55mWYRo4piT+7D315K7MtbOfIarWI2EaUXXOlXZNjpQyb6wyb4S"
    "EVsWxeNG4vGpfNVYZNldipEjsrl3J3iMHLe8rxORSotumA4SsWH1oCF8zyZD2jE8ZbSBeD"
    "fq0fpnZtoaphPxpD6pABjHTUP0KxKefwBSVxkxK++NQJD1hEkEB6Az4T0FKQZjbFMk5vT1"
    "/HJdYt/YTAT/T7ch/xdyQEQuPDyfP8RLxIYSXFMtg45EQKHlfDx+VKCPX9Sd7hmfVgwc7H"
    "r1cepb16lByKZUZAsnDsiebxOxfuafQbcGJXBrkxTBh4YM80YMMs896FbWweWMuO0CBfzr"
    "AE6Km2sCiRiogUmMNgqZlMBe6ydLv+kkJmBwoftd6jEsyOwhXdM3f5G8QRt+f55i8Cm54J"
    "szNjbPyuHQFodUmrG5I6+KNEyhCcMARTYdahcZ+KaEBRCEvJhFAfzX8dH79799Pxm3fvz0"
    "5Pfvrp9OzNAtbkqVX4fmh9QogjQ1lkfN/EXrsXI+1Ns33Zan/Ka6f1yc6J/+HO6vTabX7E"
    "/3Bn3fYuLprNSzTCLj7G7bKYt9C+aF7xQ4uPclhrdRf212mukphhEmnTefa2JFHHsVEXcO"
    "m97aSEaq+fJsm7SO3u7TTat60mpu4sPqLLot2FD9rN9VXr4jf0W4S/31ktGJdXrUut1b7p"
    "AWXkK3eE/Nq6bHa0Rq/7mftCll/FEwrv2G122ugLDj4VmWSZ4i9WhF8koy98boI2Lh4P4n"
    "kWpZKY/wUDXcrPSfEQm1CGlqU88nCCsApo71rCDbliMcBOE9lSUzcVMXGFpLTSNhgsHAQK"
    "zxR+RTDG032scbqN/KySYbyH8AXPuOfq7EFoREpf1kW0Ei83gRLOn/kFI/jUPBOdW5K4Te"
    "nom/5Ib6egWb2sE+baDh2SPoVrgNA2TWRcEVn3+CxTHOTZijjIs/gOEQWfmXa++KEU8gOY"
    "SrVbeFji27S9fgnwCsBPe+ZOZy4jE51bzOdjA23rLvDRME0y1hke7XucBL4ewayYTejmRp"
    "btzkuHApjMLTo1o+Qyz87rmUOMYRAIhtMReGrCYzF3aSfzX6cOHwa2M1xOT+CzSWHyZjQD"
    "73KC5o0ITxDKzLXwmrrozeAxDb1IRbhRfuhqimOrYJSe0EcmMYu+jSlMkBBjom5JfNFhsW"
    "lTug0niq5vnskne4vppbXu8AnkPyjwSHdh+xrSgtOofG+Mh+Z05gxg/8xl8BcTy8uHC4CZ"
    "BRx4AnHhkcLeQi3SNzxxAf02dQJzhVggfwA3QHiw4JkJCBYj3cBr8KRDRzN4rH0VNhI56x"
    "NMW519lnKLEtLQdrfgWRhKARz1xMKBPcHpBJOpTwcAFPHfbHP/mtzJacmcRB8MLQRAVsuS"
    "gFTmXc+bz/OxzehiCMxhqvqPT44AWmb0zSd/goPCh8EEoONRQvXBWE7fK2zWTrGc0ijlwU"
    "zmUmyEhzZLw5FZOdkcI1V8lpnPqi5Aulx0mBniqi7Ac+S6YLKnd/HKGakZp1MZTKszmBZ4"
    "JUHOncVUwcSaeiyTKT68imcz7SVLR07hZA/JFDhK03Ip/BGcI5UiyEnLlknx/XvApe/fud"
    "Z9zu1XWOPTHvmWenKEh4BJM1DHYIGH6xyM2uaNrY3hS3ECRWl3FuZNhLP44tUlk4kTWctv"
    "BTW3/IwKzFxPoVLVuaTIpVBSeNXkMSWFP0euZ5HCHToxfizynrjEkjdxKuUGB5I5hU/sBb"
    "x4mYje++w0eSoKYZHcNTH9YXBgOuubxoD4mdpe2JHhctO0/2IEX2xvDIHZM7YFJSBWVaQX"
    "ksvsHEBG2I5xb1gvGPEeGT4MDYaSMEFc6mTOvUiWjfIi1iOCKzK69LZfBG+SGoC9PoJhsk"
    "kY9s7y5VTZtcNNUvIqQOVUAmrx+lHJDCUvPwJYC5fcdpcZE8sjaVlMN40OcvTqNy10XnBw"
    "e/lO5adieOmkeYM+U9KdDqhcnLyh1LoDn1zq5ONJhEoOthQpGVa7Nf6CO/Meq6xOMDsVoz"
    "T9ZjVwxM9thv/hN+43lzi3wsO5MXTHSfalRjktrlfp/MIua8b9OE/83pJA4SlKWIYpprmG"
    "qEJbRnEgfIMdSgTHX/KuJjeOMQBF1VhGFQdFZPPuvFly89JT8xKZea7t6mb++gdxMjW+Be"
    "N7AOIJ+p6G+fEVkUobbLo3gL041fzoJugUtImx67XZxMRE6jyKinmkj10BqQI4DeCBPnVn"
    "TiGAw6QK4PQR7EWwFxrBS1IFcKKgBlaI1Bj9MweyERppIa3dYl4e9ngGEbQfzgTDdCO0eG"
    "NMKqFBiczdYy9B40nJYlV20HkySD4dwXNQZ+oYoq7nqxwLQnKJwa/dfm68Oj59H4x//w1e"
    "MLI089R58TdqmkTnpQufuL+Hf5mxQhpO+eVHghSgPNwK01Sgvc627fqqwovKozk0Tsgd7K"
    "HyaJ4rn02qM6ql9K5I37FiZBKvo7VvY5vMbecBKx5zycKeYmoyD+EBVLCYuDOz4En9MuIY"
    "GmsNDBNE8bFuDWEgYJAJxhsXETDOssiGZ+mi4VlCMvSgn1muYeadmTHSg5mZPOiEPzwxGD"
    "GNR0xDhpdAdlpYjcaic9CRvLI1Y3jzEsr/HtpExrGKgzSPbTJCI6+G3IWxyHylIDI3ged4"
    "1JvL+CJBcWge0r4fbVm1WSo5xC6aCJAV0iiVAjVhXgg3Mdig/8FhhI/uGN1wh8mc6ApIFb"
    "qq79ou+q4JFt0SYL1Z3qmiyEa3mvXYhqd4CQDf4u1uFnc7yBVhLcaCZTECNDwHafeurmqp"
    "u1wJSOfIaT5QmAV7ewrMmdKaN2+lF2loVpH1QzBEd9fF8kAGZtQBqdLjswHlr48zYbnB3A"
    "PK21N67BDzMDPBpbpYroRqm4UXljNRUHkhMk0zlV6IrRDZai/4HmY69FI7z72qBxYWwq7z"
    "z0HtO6xNOeeVYA0XDZBedXNx2YUybiqouJCrpEK8MInf49Prarm6toKqp6DqKci5oh9oZr"
    "2qp/AcuS7w2KRUNcvbCTVGJa3TZn+JPqbt5kY1SiQtqLUbmxl8h5sb7tiwPOHCa/fgm392"
    "D7hKqH82CfVV7TEsbazdyLB0U8sPe5xO5victf2dPasGk7y1s2ehztuwJkolMZsKBv9upY"
    "QLs2fOgKam4qUXDEgQylEzoEgph1onqA/gGRoYOep1rtDUQOAluTUBjkraoSvIR848S/zr"
    "Zd5DgCGB5QcfF1ubfPvxuci+XX5vINUhXXVIz7A0qQ7pqkP6zpIKucU+bzphmEhiYal262"
    "2/BB51mc/GkLTAaD4+Pc2SX3h6mp5fiOdE+M8cQQz5Ovx9IonxLyqsvjnOkg6Il6UvHfzk"
    "PisjyQbxgRdGqjiccHsX0+Q5KDmWgjhd9VaD8lODeQmp/pObq35MlEgNYWHfxgFlDH5SQy"
    "+XJoo5W9VrU0CsYE7CrE8NLLMzhV8RrBTpRpc43QH0SS/DHrwVw4mXwD4AfO5tJ0V0Xq9c"
    "Ju8i8epd63Ya7dtWs909J4uPoCpet7vwQbu5vmpd/Ab6YuT7ndUCuK9al1qrfdMDysjXO+"
    "umc/1r67LZ0Rq97mdQXMNfxWoo3rHb7LTRNxN8KiTMl17M1udmqhduVSmEwSb+N8nm4rZ3"
    "b1V1Yp/uFb9MVo6dPUQhrfmlduE9JBnARL3H/gW247WY4Kp2xgWm5I1egnZ7hzPYc2QFFu"
    "jXcUgtOnaMpsqzVnnWcoKqclVVrqqsyObNVd1TS1g5d6ySOsLGZYKyoM2YJnmg2IZEoeKN"
    "dv3WYVoJmamfvFtVLTd1m0lfvalp69G0ouiZesZ0r0VvlFAo19qcr3RsNsm3UglTKmFKzi"
    "l+oKkzKmHqOXI9S8KUH9OaN2goRiZzDGlBW/dWAoRyhgZtEhQkN7rbigryg9Fz4hylktiT"
    "UPvGk9vnlIwoKCeYEO/ycu11YoyCY8U8aCdnmXxoJ2crvGh4UvWvq06YVtXx3GuclnTgVj"
    "RQSzqcVW1c5V44OExLcC+k2xK3aR/zTYoXNvwZ+C+fMJUlL6pntJoFxs/BgjRjsaQGwWcY"
    "kiVhkNTAkXzBiH9rXouAkSPTeKCkZT3aD7TRgtN9G7BhL38musUvIQP40KeYrMjoIwwxM1"
    "lMaVc/KjD+Ra19HP//KIOgPCtgXRkEn5FpSBkEnyPXsxgE8xZb2KjMgnR83X6dhfCTJWBO"
    "j3eNkVWgod2ug12VnqT0pAPXk0Jx81YJFa4TWo+Ku9hAr+TgZdEtA5QL6pfLOJtsFXnDGh"
    "2vZAPHQvrfke6SCUx0OD6gL8X1d/PfQqgAht+Bj/8g/CipCEbOKM1PaX7yrToHqgNk0fwS"
    "EzXrNEsQKqFJlnyV6sC5QgYdRAy4GwqiQqPwYaK8VipNTNydRVlXM+Q3ju8GgdY7EGLXiK"
    "5FBNZM8mmu6OGod2DZnEIsQK5q5WAwbTrrm8ZAdDLyI0wb6Y+2A9xbd2l694fEL6JPBUbM"
    "zFKODSXeSruyVVi8VY6NqnE9W6Tzs+ofy0uAjwyHucR78MDT7zX2PtLJwJ4+1XlxhJFhut"
    "Rhmxc2zqEIHVaHg2i/gpybnGp2sLbZQbp/cR/NDvL6vPhc4xLpCxaU3dcZn20zRh0yd2yX"
    "tyTzZ13GiRYP0X6TrczRm1WFjt4kHJKu4Zq5PL4LAnkZUjTnIyvCqwBWDl9JHL6ufp+rkU"
    "Fw/eH2LyiDFVspsYfQai6M9VzrTJhI3vHPF398Vlzy/w8+8P8jglWR5f5ttuX+7arl/q1g"
    "uWdUdwbj3MyIkcnMDtye6ott2Bpy5pyT+Vh3yQie5hW+BPFeiKC+U4g/704y8QcvS5ePTp"
    "L8iZiKYr592zapbqWYgMJ0Mfb0gXBb/Fkc2e0y9eH6+iqyTH1oxbeE3tcPTZggHH24yPAs"
    "roKq+VErXz7Mw5QK9Ryoh6ygCdBT04GiRPJWILyC52TkCOMkpiD/oxLwsk4eKCxI2GSQUB"
    "2WHh5b70dTAPwW0xdept1nETl0ajtubobEyeRlCYaVMdgEbOI9M8+d3Q/WY2M4pFYB82OE"
    "sATr444sUZ/5Y/M8Za8LHd+nFlFF/SfMJtGHE8MyEHbXdjY2RElunEzapKP+rMS4WOH6iR"
    "OqGAEV+LtdQPdc1FLOWmsqmFrKYGrxGlsCsi28WdO/V0XhTewtctYNlXNBKKVsaJZcgFDs"
    "lkoLyJIWEFdDy8ELdb6qouSpTOXg1OH3qhJSO4jQ44MrPUIvGHu5UkoWQz9bHgkaMV4wz2"
    "phj4geV+N4ckgoFWRp+uBGWDydkl5S2p2FUYOh0EskEYcLBmfqqu6ACs87hMXoQAO1soTn"
    "qRSJUrX10NKWFc4QiYJztaKusiDKzIKIj1tlAVkHaWiqSphY4sv66YLrUhnIJbqG9JEslb"
    "Z8AdOjShUxvZCNiB+CERf9RY8GnUe9eatE2h383jpB13dxCYVdJdPuVaYFuY2JIgHTQ2+W"
    "FPJG3RQMuDzNFENzuiKE5jQZQaO0hnT0ldagtIZMWkN4B8kBaYxMwaq0h/1oD8FAVBrEOl"
    "hjU1YmLYJ3YLvh2WvAhJpAjYhdkVWP8HrKeXlxmbUIP41O9zPoQCwfnhP6A6jMJzIfG3Ds"
    "kToMrq97UX484njOS/B78jtWjWeG+1THsL+BPYHFwvCK8DpD6og0iZ38plCbSDQe9ukExv"
    "NIYqQyn0ujavgjIwl1ajhniELV2hdEbvojPW+N1BiZKpWarVTqYsnJPoDDJDKP4No1rr64"
    "JGNAbGhZrnthsm/IEZ4wQV3z94CsOaMlj/h5SsuZj6atp/XwSWs6M0IaeXhQxup8ed37cN"
    "UkN53mReu25WfOLdRifhIPLRMhOs3GVTz/JNiic6EcoVJAZwFaGYbSl43qGobigmxWqTMh"
    "ACtbhlAYyhsFfkhFVPaDqC+FF0M2SqwQXml/W8zxEsxE3BTxi3erw1wP1pqK4ktilnBwHJ"
    "QloHuLJZhuFnc7yLGbISI8tDhGwIUnIO3e1ZUIXS1Vz98E5V+XN6002NH1MgX0/Zg/w2Ne"
    "YPuMTYlMhs9wJbPchk9rSLz6RRjSYLiMDGaOQy03MEG+YASuc4E5jBxxQyQWMWH1oNYC3s"
    "BnN+OFF4TBE1v+NYGxM2HQXFU89NFgRt8wfcVr9dkZw/wZv9QnnubVXTTDUoZSqQylSjFM"
    "BbzCiqEqA1o1rgcYrSoDOrKdB2AdWllz2/FFtDJ3i8fKVLZj3Bu4WeIDk/kYCzHw18hoT9"
    "6+mT+MKnBubAuc9tl4sqQ+GK54jwwfhgZDOe0w2JTfs5hCXchHsw8++c/M3TX4LiiZGpm5"
    "U7JTRvVoVD0aIzL4HsRtVbJTlewU8uMgakSGSna+qOv1fv0FYTYs7rpLsI35E0Fdsa8zyh"
    "uce2U8ibf8T4rsyGeZAt3PVgS6nyUD3b0Sl4D3BCQHUfHC9KVKQLpDdv3t/fw/VVm2fDTZ"
    "bDQyfhRgw5JQ3jkjLfj+C2ibNBSI30Nq9UE1E4hxnhl/5RKH43Qyc/vbj8+FNMD3WaTiuB"
    "kmJBS/TwNbZ1MsWuRgsZcioMfpJQa/oEpylmWnT9/n04AHWQ3AFOsk+Va56J0kZkDty1sY"
    "yl/urC/HoCvj35NzcvKlyIQ4ycCUk1SmnMSZgvfm1dEE6kqqDSRKJLPp49K70OtpwngWMv"
    "rkjvAf3COztgoqv0rxiDoUxrZmDHMpignCw9UYa9zvSxZvFDDpCN4MXaUhb2/orfk1L3kS"
    "CE/8yMa/XSudwQpVLCRWSL3L0Ni3r3NWpZYlMjbqti6yt0TvsEM15qbT+rXRzd2Syyc7J/"
    "6HO6vXvmrddpuX5yT4dGfdAHqtC7iI/5VDEGPADwwqSNN2xHMjSlXKnr8+NmBnItcWGpVh"
    "vQ42Lu7wSL+BzBs/GsYCV0cQb8OdUQb81RkxdeYSPpaG5CiYJ7Cj+DPk5c/ExqgaDM1Z3I"
    "h5KS0Glu7bj9hwIIlwb7c1V0qGMxzWlB3SGJW0nSL2Bms4OCyK6comNGEyuTvQ1G50Z9GG"
    "FOQIzDoHkbvv6M4TLByW+eRVQ2IES05nbs+xAuQS+9VMvbJMWtF0kjR66SP0+Z7gpZ/Pxz"
    "bz9Q1ieP0t/dfamFM5siS8AN0icVtRysNpoHJrj1ziPfy5xwrKPGcVFgTAnZW5hmnCxmzP"
    "y5g2ksd0JUP5wtEl+aZlklL6CbnjpCTVPkW1+pAgXSNfq4/QtC4B2meRfJRcCXMnwwgS6z"
    "bsGZAjqe5AYBfkJsMmXgZMkTJIFQQLB+iGOFVyIotMHeXhlD0P8FB2FoEtgz5Sa9P2Jj28"
    "UxNvVKGhtaP0xmCQrc5yDA3F3MmOWnhiZGt4YkwmM37bhUXUq+TM7xfKPvzZDxn0soIIqC"
    "0Mm5SIe52UcVNhvbZI7nBgvlS1n6XKMzwQO/Q23TYqE6JEMFUmRGWjWlUmRBFWbCUoRYXZ"
    "SzInVJi9CrNXYfYqzF4ekUtF2aso+zQWqCh7FWUvp9Ksougl1jZUCPx+QuBVDbD09ecwq0"
    "FlqQG21xrGsvF5K+Ete6oAKym2G5SAzdCLSQUWSOHYDHmCBQ7NqJ84kyPTc1LDz5lPrjHI"
    "5sJMhyhLBdRQW+EHOIF/46VO045HApxVZdP9ehwDJhVRZAPaHRpLuXUtJ8I130LnW+YuGl"
    "dX5wT/LaLAlmxVCBVazqpjhUg20q52mBzgP7Lfne73v73vrWE91JuO9wSqL9vR/fOfbOzZ"
    "tfrFLQca5p/kbSYbJ5Q+jpzzzkvmOOKThzj2PGtmfzmx5Xtr2rvT2WE/Gtjsa6Cb5gvmp9"
    "IEnV9311rEe4o8xuQwTQU8Ztv2k2ziGdvII7YjXUe5xJY5+MZfIEAb+aZThEhmRsvhkbFn"
    "7sBOi+5aP6NC5Dtcu257FxfN5mXzMq8QuyCE6RB8vLNuGh1vFvgf7qyPjdYVXuT9RXEXpt"
    "MVP7T4eGd1mt1OC4/5H4rMmvKdm55XRnMoAMpcKtj2U506IlKVQR537PgoDalpgORdBOAI"
    "qQI4DvDAQQGfaQN96s7yASwiVQCnAezQ0QxepwjAYVIFcLKMgT2gjMFPauiN0iZ5XOtiYu"
    "ViT8JMHcd2YK679N52ChfVSt5F5jCSbqfRvm2BmA6qQfARBJTrdhc+aDfXV62L30BKiXy/"
    "s1ogMVy1LrVW+6YHlJGvIAB1rn9tXTY7WqPX/YzFukJf04Qf4Eaz00apKfhURPzJFE2/Ip"
    "g+GUuvPMzp0FfXwyxB+2HJ1trSDFp/YIhjXtd9mEphGjNrhBMm8wErIFXoxsum5a6jEiJR"
    "cSar40xmTFVRWR9eEhpQWZo388WyBFRvlnc6yJmfIWwnvK9kaN28p87jBwrvysbjYoDDG1"
    "IJGFeyckgcZsEmLlVD7MbUAI7VBEFV/pn6qoAqfWpoD/Rp++FTKuZprzFPSs9OBbzCerbq"
    "5lw1rgcYrermXMX6H17jWSx3GHRtHtkOL7b74G1x+ZsPZvHMr2o9KIhrFKbgr4olojvPvS"
    "8IPaAMwI8Mh7lkAC8EYgJ1WJ1X17WwgQpGYDI5XOqMwp7lamOdjfNwI0ZWDku20Q+i9vlr"
    "4+LV7efG8en7oHL4fGybnEt1MqY/ivDhfZY81ffpiarvE5mqbGBPRbkW6XG+S4rDTaKseW"
    "L3Lb4KedTNGc04LXYd1Ut/TA04XUA4iFIeTsnwDh3x2uC89YY7xmrt8HzEtn7md4N7Yn05"
    "4r/exlyTXG5IiosOfbQfComLUcoKjIjnx3zsYoPJcUXYH6c9nAHQ6NszQTcfPiiOXJvvrR"
    "PDmrl08xyAQx4SwyHcV7CXp4tTQmKpQzWA1QPTwO5O/hN7wpXXUUIOkUr1HVB9BySwia/v"
    "O7AfW/gvdv965vbtHzWBOXx5sp4xxRh9K/aSZG2B5AYBClw0HDqwnSFsJwbWLeamCp2MdW"
    "v4ykYBE/YVw2UEc0lBqQbOzwSFkTe52Z11ZzUwcw07Es0dw3UpV9JxN4N3sJjuKTq+8ggK"
    "vXVPvaUOE7LYwriCj3Ck++lZviW4Dj8/p/2xbT8QXiP8zvIekQ5fEngsvynPEKSoAeV34Q"
    "8FjwzSlf5AreDO5/wDmqz7OsJp2S7p0KHB6nCLgQHgwsYMjzSZwY7szKzXcFYf4k/cWcFL"
    "8QZZ/Sfy/TvMuEdjQNlrwxo5+mtss/DaY9737+kVooN8XrQixQtD/14bwvWYwq2cF5ImbI"
    "tx3n2SdkFxA6eXP3G5TfNINIhh3foC17zGK7K2mN6yGOLbXLOOe/9y+YUPL/t3GKyLAD9w"
    "BpfR5TJ85Aad3+re8uUlhzztNEVYd7F6riiHPjVMPUwibQZA7XOwrcFW4RiwhzAb7pqxMX"
    "fZ8er+6p/AeE0/vQXV4XjNat9QAdbJEMEEmWKiPwH+T7D138OBl3BLe14nWK0ZZI8R/xd+"
    "1zBnDsU+twNTNzZP3D5M9ZinI+TWixdUMivE38ZPfInjFpGlwImM9zKJcqcPnJ5myR84PU"
    "1PIMBzKoOg2j7utMiGhN6+HyXzm6f7NLwNtSbQNGNXZFU3faVKC2/V2bry3Fzfdr2eOYE4"
    "whWxuafQoUF7BEqiuPlODtosRbKCm/jWAf9d/FJYSo/aqx4VYUbOxTJOW8Hl8kCWx0yyCX"
    "N1d8aAf6LyK6lKQoxKJbEmlQIUgq3BU74c4SiRgjUlNziPGH0IEnR2NCNi8umbLLFpcFWq"
    "mMzPxZqC0R9Yfh+0ugKLf4L4cBy8XLNFLQbfgfi7GJrFQU8nR23boqjdkontPEcPb0xayy"
    "qAxcjkN+zt16sYwFWCY9FXLS5DdzxMhNf6GGNjTCY3Y5wJ6SpgmE+5dED/7Q2aQwvkzjju"
    "urPxmzWc2gDveaDX0SEsf8SkaM1B11yd4IpucEcdaH9sMKbDmUnJzHINE6Nh2GwwoBR7rD"
    "rkHu7AyGwq1iF39stCH17we/5I4Q+zqLMcUU5jV8arNMdOxxPsGP1TqbB7VmGrHwDDfVDB"
    "SHzBvKQHcuR1PkaDHgovPFB6iI5vw92p52kxufKI6iEaqV2y/uL7yhh6oQmMm78sv+u0vj"
    "Tn7d8D62HKYczNiYBKZl4UVJ3KB1qVqtlSWRXYTBNwphumvKsltpzwZduLk+KzjLet/5Mc"
    "YVyUw4gfQwVHl5Jd1mCOsqvd6U+mrQsG84r6+0uS3Sfm7GcobyXlxrOvilfs9ZXvltQ7LN"
    "5702xfttqfckqJAdk58T/cWeJivtHSvUX21vLzB6saXbM34y43H/oQFbU+RskPxv74LJ1P"
    "PMSlmAdKRCrxrr9HN1SlY49k8pyoAKN09KsVYCTwjBTie5xW7VYy71Yxq29WBT9GJr9hcb"
    "8+sACu8nxgzdAdDxPhtT6w2Bgr3vo0kJ5N+z7JgDy9T5OhjRWBfqvNT+MjNt1hGB7UuRyG"
    "wVDJ6C9skF7niuiY2ewQnT3QIXzEXEIeDsotWPi1ThhMTTg5N9wxt4mHPBNewRxydAvzdQ"
    "gYEf8d2EtRNuPWfy9LdGrYFRT2/imvnqpOKOd6VWERW1UnrBrXBfJ2ojrhzDHzmCz8yyvo"
    "qzx+c5KlOyBetqKhykmiR2D44XIAHSOrXG/TrdiGPMEljyttSXHAJe6aPN6LIwhSGXwEeS"
    "tjhZxdu9yohYgJpLgPtm1S3UpT7hdUMTb1gWxb/Alku93KbR+ur68isH9odWNg975+aHaO"
    "3nIewEWGp4EKMqYNxnHTYPtiOZefJKnE9mmeGzunJHhqDFr0g8lRaUEtp1Cphq0sUp7elI"
    "cZSwqZ993afAwPqv0XVo95f/Lf51x3ZH60VjjmOrdLORMX3q7gwtskF6YOfTTsGdPys0NA"
    "KvPcuHUN0/SZsQjpzVVUc/fs0IpXQ119J2X7l0cXSaqgfd1EW7NmApk7hhuPbTNPf9VUeo"
    "l91kFT2Nehhyd9iv/yCqj+4YwztWS/dhhQlCxzym0i8h0KcIsjG3ID65ByuRoz8b2CQ/wk"
    "r6GGZdL6lIIMrw8eyGwKK21mdu1GDMQKIdgPd/FgeZbTBPHBrKC1j7w8vlcfZZFqyN9jWU"
    "eFp7awZ1hc+tkEUtduqetXaQSF4JU9Gi2cGFhLAzOkvDjho0/+47as6cx97XtyXp57RQ2x"
    "qOPSWLCrsOzq59fs1w2uCsxmcnxvUmA2EcNjiJpQFHB6VzDpdqte78ZgYIP+1/wxtR2hzz"
    "t6QT2jx1v3qFDPArLtd65L9xpjzugyKD+k9yl/svInS7oSHKhnUfmTnyPXs/iTDzCn6n96"
    "zZ6f7JRDrfCozon3987q9NptnmLlf4Ajzcblb/Ad/8RTq+6s5r9vWh084H8oZIotv1mbC9"
    "fdU01YUnqFhyJKJrM5HBNDdWcwBtnxBcMWbV5hfINXIcL3kKiYKjP+olr/yRVKzMZ9en5u"
    "hE5i42fehJ1/HR+/e/fT8Zt3789OT3766fTszcLCmTy1ytT5ofUJDWURVgjKoD27nmw97i"
    "CaB1W6/ImCU+OBTl2siO+3Z+Kr2jMs0aUq423ZPa5MXsrkdeAmr63mLtjOA5vqA1oTZS0s"
    "TtZXWW/mwWW7ttbwTjDKGqOsMZIuDgeqlytrzHPkehZrDP+bQ1gNrpc5zrCgsPr2OFPY2v"
    "GKsLXjhLCa3gptva1r923Rat1m42teO9dNs3N73W5cYe0g79Odhfc5J4u77d1qpXQGpTMc"
    "uM4QkoKtR8PlLvBN/eSBmN9a3LFC4EcWgAmd9KlTFl5f+d2qhNVONNLQMFulm0ZHYwYtVY"
    "vNiC0rrKHfVYnpcqmujm2miLPrxa2AVmbRljun8EG58Z0Pe0oJjFVGjixMpCHX39rNTqFc"
    "pvKlLtd+oJY21tk4j4oRpSqHG+tHf5G40c+NV8en74Pus6ZhPbzAohjw+HUypj+KMGELla"
    "flcVHtapJ06GjG6JCMHHvi5UjgAxJvP3le3ih9MKBFO8hFSQ/HRclbCBkuz8rg4+DI990D"
    "0036Cg49Q7ekQx9hYSoyDqKUhzMM1CqgLPqVte1msegvFvB+3n5hSUrps3h2ongkZ1RuaB"
    "OEyrQYgzauXmdFNk6ngF1ts52HYwE2tNtG4goOE9y1xtv4+BIbcMWLhDKNr0M3sS6uhze0"
    "S+0OXzl3s7XwJnf0CL7wGKTdu7rae9CSb1lfZR5eGt+zmIZDhv9yzcJJOzBWERL3MQzO1J"
    "WxWBmLd2cH47bgc88kfGc1Lr+22ueE/7mzmpet7jWc9P7eWb+2mt/wYu+vHPbj56e2Lttf"
    "88LLf9iGlTnbpLqKbGj5zLomhkiUHqAULKVg7R/cLShYM6aijtbjGloLZUpUaFDHGIxrAl"
    "HfP7NSwteX12wz2iOXiJ6abilcLwVplj73du3Jzm4sL6V6XLpE/giaWs4y2CESmWXxgjHJ"
    "W0kaxkmVA2H/8gqiu5VCpfCLrrAQYnqN8RCJatebs3Z4Qv7a5Wb2z/8DHkZB1A=="
)
