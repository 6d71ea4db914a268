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
    "eJztXf1zm0jS/lem9EucKl0qduysT3t1VYpMsmwUWa8+sre33iJYjGQ2CLSA7Gj38r+/0w"
    "NIfEoMQmiEp2o3RkAj9PR8dj/d/XdjbmnYcF6NHWw3WujvhqnOMTmInG+ihrpYbM7CCVe9"
    "N+iNS3IHPaPeO66tTlxycqoaDianNOxMbH3h6pZJzppLw4CT1oTcqJuzzamlqf+5xIprzb"
    "D7QF/kt9/Jad3U8DfsBB8XX5Wpjg0t8p66Bt9NzyvuakHPjcfyzXt6J3zdvTKxjOXc3Ny9"
    "WLkPlrm+fbnUtVcgA9dm2MS26mIt9DPgLf2fG5zy3piccO0lXr+qtjmh4am6NACMxr+mS3"
    "MCGCD6TfDP5b/9Vwvdpii925EylEaK0mDAbmKZgLtuugDU39+9524AoWcb8AWdn9qDszdv"
    "X1IILMed2fQihavxnQqqruqJUtA3KDvL+z8wUW0C6s6DaqdDHRKJ4U1e9zBIByDlh7Uxes"
    "Do519G6At53S9oYqj6vJEL58Zc/aYY2Jy5D+TjxdXVFuA/twcUe3IXBd8i3cTrPD3/0oV3"
    "DZSwAR3PVd1ggXwtUAhwH8413sEtG8A33bo44rkbchTgNxevcwBM7soEmF6LAqzpzsJQVw"
    "r9zIBzXK6c9p0H7wbjsNEYPlhPJnItZMHAiuhg/SOa2tYckRPkwldsvnAQ/JImMvEjuUd3"
    "HbRuSax6us6jputsLV0nlGRbRoZyJHM5pwqSyQup5gQnFBXIVqigpT9hsihpPJQGLaqbO7"
    "N980nutZCqzXWziALO3+ZQwPnbTAXApagCJjbWSJtI6kA23fT+EZKIIU/e+VDIv2btGQts"
    "avCF6F41oPX8iFTjSV05tGM4yzmypvTQwNrM1+luXczgdf9xcX75w+X1m7eX1+QW+pPWZ3"
    "7Yoh65N0piDzApasrUe0OuuPocZ+ogJBlTg+aLvgoODqWUQ84P5Adqt6ax8qeuLbiO5E/S"
    "cNT+1IevmzvOnwbFrz2S4MoFPbuKnT2Ld5H1Q9Av8ugnBB/Rf297Unw1tb5v9N8GvJO6dC"
    "3FtJ4UVQstWoKzAWoRrS8XWkGtRyWF1nnReoBRSO307WFbM/0aWnLDiXt18vVJtTUlcmXT"
    "PLwBScEmgQqnjMvvfPn3HwfYUCnCycbg7+86dKju0idK5IGrE2wT34NeEJzdtI0NaAvbgu"
    "3InnD1vafUFaR71Z08KH9Y93vC9A6e87N1X1ec9Lk6w0rGsogFKBkeJJHn1BUpG0+xjcnq"
    "SqGY7QnXIHgaxa2umM1Uw8D2StFdPN8TsA/eo2TypLqi5bgrAysLMg/jfXvjEB7Vp0+qK1"
    "pLh45cj9jcF6wxPEmCB9UJK1h/WRdW1ooseWl+MY+fUU2CjOZ/N3xT5lorxeCeuiDLtr57"
    "W21ls0c9qBX+N2reUDwremiHSW77bTPUN34X1vqjWuvVubU0U/aOmQabjUB19poCxvrOg2"
    "rOcGCXceIGHHRm4hkZtR4xmlo2UtGDZWgvj2O4eYCbSG91VQY1RIX4NZ1F9eBb+xDpMQD4"
    "cfD+Sn5fUStxIFudlbhA2x/KH3rjfgt5f+/MD4N2b9RC9M+dOZCG0uCz1EL+wZ3ZafdH4w"
    "E54x/APe/HvRu4Bf7yYVv2e66iTl1v+srZUxJyPI9b+Y1bJXeKzYyc2jPSoY0IcexIbPzy"
    "oLpIJ/85MNw3EX41e0UGfWrDQH9Y90jPOxZFGvnbyxyN/O1lZiOHSzE3Y+i9GRQRE+PXyV"
    "jQpXv1Oo+vkNyVCTW9FsVa1/B8Ybmk/a6Ur3jFgneKKL/EhYKYX+TC/GIL5hdJzIWTKhv9"
    "03RX5HJSbXaCefdzIZEyN3V82BIK7OES3p8ouklo31s21mfmR7xKrGizjDSYo0Xs3uYZct"
    "pWn9Z2hXCDIr+d/GLs0l9PVsGjgdwh66Fsf9ohLT2BmyjFvhPyIGVbdYBdNLPJnlxTwn6r"
    "A9t2rCcz07gTvkZeaYIdhzxfIe3PXTrC4HNkg4+YgZ/lDCxoIjXTehZNJKx1VrJq9STVyn"
    "Yz57lIwedbSMHnKaTgbbv1Ef6WYZGq3259W5+R/jOKdJcA0bNP7f+8jHSZ7m3vQ3B7SAOd"
    "7u27GPA+OHoAW2ob323NTXkMz1YswEYZ3Sryp/YHqYUiH+9M6UYetRD8e2d+GndHsjKQ3k"
    "sDqdch98ZO3JlD6f/GUm8kt7sttDn2nqKEL8ZOFDGTvbnIxcffQsdP2oKBfOTof6Wofosh"
    "OCxUnRX4/FADXMkm4B3siJ+Ht72M8J24YHyVoE9c9D9k6M7BMA6tzO+XuuHqpvMKvo91cd"
    "6QNSdwVvk/CMj2GtJNck530GKzJ9trWAQ0tw+L8REwtjyAB8SHxeRuq+DAmPqgCucp+aYr"
    "MWuOyLQQ/HtnktFqLN20kPf3zuwPbjvScCj3PrTQ5vjO7Nx+6nelEdy6Prwz37flLpzy/v"
    "Lh/ZpjV4U9HUu/DMvw0SXha4+xXz5IbwvbOfJaLSK2EWHX3GrXpFgJw+Yuw2a4SUUsm532"
    "sNO+kbYZNgWdW9C5a0dN5iw4mWeu7alAdUgHDB2xaNNKccFsLjZzOmG8gXTd6Hf6YRq3Jm"
    "w1rEddwzaakJYO+48QN6VFPsBK3MCIDj5NRAmLABJZvRE9I7JLAZnlAoK3z69exVesB/qK"
    "FD/Rb5t5xJ+RAAiFNifP8xPxIoU3KabuPPhOJOEhOqqHyMYQLEhWCrY1Vzz9MeGeJb+HJq"
    "oysJFdP7ywt9W3SK/xfouz93Z/pzpCjXzTYxKgZ9q2okKC4Zhi3iID4HyR4v7KttNvJHh2"
    "iNBW670qGabJWE1GaM985Q/4Z9Q+55uzEJnEDNI7c3LdqzbsgxUlK/ovs/FHhYRhN2HYxT"
    "hlAH+nzzIRDSQKYcnZotJH858XF2/e/HDx+s3b66vLH364un69hjV5aRu+7+QPAHGkKacZ"
    "0/exvx7F6NqXejdy7wOr3dUXayH/4M4cjHs9esY/uDOH405Hkm7AqLo+jNtZIQ6h15G69N"
    "T6kA/rq+qS+XXBlNgmLMJteM7RhiRs25atTMivn1l2BvV6dzdJPoVr9+2g3RvKEoTirA/B"
    "BdEbkQOlf9uVO7+CHyL8+c6USbvsyjeK3OuPiWTkI3VsfJZvpIHSHo9+or6Nzcf0DgVPHE"
    "mDHvh2g6MinSwXn2ILnSLJpvC1SXbX6e0hvZ9FpTjWf0HiSvkxJh5ic+w4fmKEvOvhhGAd"
    "0K56hRtyrQJhTkmzjWZOKunCNVqllTbBqAtdIRueBfmWlDae7TONy+3lN+UM46odpGTWto"
    "uRTqOSJZBOT0cTnHNMk9TisOmWUc0xUaFnnvUsAgeyJ6/TpJCLwIHnqPU8gQNxL15e109c"
    "TlCctlOc1nglQWamOdWQedOMUZ3izas43ekoNB4+FydHYFtAK80iW/gtmIFrEZDW8lEtvn"
    "wJtPTlC+VCtKi3DJKAWFNk44lla+gMThElLTGyyABP7rPBDUzz3evay3SGRWlPTiVWhGl+"
    "8fQTSWZF3vjcICgXzvvU9gwpEb7LBTlDrMLrth4Tq/DnqPU8q/B5pitkt2tsvo9DpDLmig"
    "hoPF26gBdbxTh7NuKRWUmugOepJKoltwxHG9/l5kwWn6DfHoBGu78qoespJw/HPCjfKeoR"
    "u5jCMUMifER9FQnE5NapsVBtcuT6hQxz6yQixYdaigTjNYb6X+TJE8gB7DQR8MSaaJ0Gkp"
    "zxWYbkf/Ids/2JswfR4ZOuke6aUF+m23V9vyDWpuYv1mcPLCmkNwICzzTqIOliiqunxT7m"
    "XA6EH1DhiuDiI+to0rf1CUbwqutM3X56BtaZNw9LJpskk+DIuJarGuxM5LiYaN9pherI8g"
    "SMtho7vmmiglwZB3iq6kYRdBNyAtqUIovgMwCKELYf02j1uypdRkQFwFkAT9SFu7QLARwW"
    "FQBnt2CyI9AKtuCNqAA4QW2H2GvFwX8yIBuR4RbSxhCTZ0P1FLIEvd+s2QzVcdFieW9QMh"
    "fCQfB59dhzkNKdMydvBTndg0BDFrTDMjXIf3ho87Cg7B+Tsi94zM+B3yp4zM9DzyJtW8kJ"
    "K6K8obyQRqUEqIl6XOEkKnvkXzmN1CsVoxvOWMuIboqoQFfkcawij2PKoFsCrKEqMzVFNj"
    "rV7MY23MVLAJitVDifI8JOjFOGxQjQ5D1Qb9ztNjJnuRKQZgiBOFGYU+b2DJhzRUHsn5oz"
    "kiCxJuNHShOtLivuiTTMqNlVRNPkA8ofH5dOKQ3Km1PGzinStnPBJbLiboXqkHFam56YEq"
    "gV6aa5IrViI0S+UC0b3E2OC9U3QLzlBUmZiyVQD2kZ+aU7seYYqaaGnh6wjf0az45LVg5a"
    "epRWGQ/dt0JiPI7RzxnsZcndHoolwq9E+BWfI/qJBuKI8KvnqPUUT0FGEgTWTMwxKW7JHM"
    "ejNxuWy4xqVIhbUBt9y9HpDPekuw+66S0uyO74hYN880/1gIswwmcTRljXHOfcUkOmuqka"
    "CjvscTmOaTm788sHhRL5Ti3vWahZSyJHpThWU0Gu2kHqIjvW0p7gzACELZVE44J8REoWqi"
    "Q6CKIiPUODg87Ggy6YGhD5kdSaQM7u31cOk7kztbLull6SXlSXqzmEKCSw/MDrItVBv3z7"
    "qci8XX5+eVGhQVRoyDE0iQoNokJDZaEU1GLPGkQRFuJ4sdQYetMvIq8aRLGQ6RBEC7Tmi6"
    "urPFEVV1fZURVwLQ3/pW2w4+8LcYx/0cXq64s8cd5wW/bQQS8eMx8EbxCfeDqImsNJHg8V"
    "OD1QGIaCuFz9RoPyK6PQxBn3K5cpaj4qJJpwauVFUfLk8DCLkidJjKs2nIi6ZqKumahrdp"
    "zZWwRJH9O94icHYZjZQxLcml8aHe8l0YR01BnW0NSyvergdKudc4ApeaLnoDrH6TR25srr"
    "bDzKEypvXzGaIs5axFnzCaqIVRWxqrwiyxqreqQKUnzOWCUVkIqvCcqCNmeY5IliG1oKFa"
    "/LNVMNA9srpYTI1A/eo+oWm3rIoK81ZYkGeDVSIr9idzRzhn+tM8SHqF07Y8Cysdon/koE"
    "UIkAKj67/ImG0ogAqueo9TwBVD7HlZVEFBPjmVNa0PZ9EMIQI1VoH5IQ3+geiiXkk9MZcY"
    "5KcexZaPxCg92fMJpislmBAHkXQZ6ZJtKnwbliHrXL61w+tcvrLV41uCiq+NSHtlV3PI/K"
    "2+IO3JoSt7jDueRGLHw4wt3AgWlxt7sh27Z4SHtZ2MSYYiyLWSBzWcp8A2j5BrJYBfl1Pi"
    "Y4wVY/XncUWuxjknYx8iWOMlUfLVt38a5bRcIjYa87tdHrRC03wl73HLWez173rLKi08QW"
    "U92G4lVe1WI/EpB6idGZiibWYtWklL+pbkDx5v3D9Rn4PqeVtyeahYdxkhMpfHam8NlaS6"
    "vyFD6slbRoX6OLzhdOkExGdWhvW5K9C3qyLZcm2vR7Xc6OlqhulrO82db6ZgkCv6u7BpMN"
    "Zy3Ar0KKei4OUUAu/GYJlLNp+zGxGmBdNWffVWdM6XmC+083Kw+3gWMAreKSts40zoSF+G"
    "3/dPCHd4Uh/3/kgP4fWVgVGe7P8w3359uG+/OU4d7Bqj15YFZGTIxndcD01FxPw6ZGldNC"
    "Tw+qi6bkbf4BPwJ5PwjBfqeQft5c5tIP3Ja9PrpM6idif4rxAy3LwKqZYQIKy8XUc08ED6"
    "Wf9Zlqh6l3t7fdyDD1To5PCeNP7yTSQSj65CbdM6qm5IKJGvLYMA9LCtRZUI/YaBO4b7F1"
    "xgWFG0b4tWodm8QnZV74Crn0FaaPsSUgy1K96FThTcwtfIZ/8TkglBL9dRxXd6zgVIq3O1"
    "mSKpfD2wvJ8lNIU6mdtYHagb1e9U31SwdrLYS/ESljRbYxOjn3SHaV5P4mzcTvbW2eKGON"
    "bnh0IFk5urtqQkLeCdkIBYn7LVvDdrJ0UEXfmeq4T8Tt+3IpfvuIB0a40blxo/stIwl1Jj"
    "stJCGoaalJxWhLZ83nHhOrIbvyIBnd10NO/gYcFuG5BTduYfSFIRm8UaFhuUnZ7+g1OoML"
    "BlY1fw7I65wqucU/ZTC03xuWmkV5z+JoT0GGHx2UMTrf3I7fdSXUH0gdeSj7Jvo1vYJejF"
    "pcBlK7Gze5BFM0E8oRKQF0HqAFrSx72DhNglEeWhkHiat403ZZ5rcCnK3TYmsdB1F/FV4M"
    "2aiwQHirefNIiWw4HQ8OkMnGa5QloDsErmd//bSTbLs5LHGhwTECLnkD1Bt3u2noKpn7/H"
    "1Q/rx5aK3Bjo6XGaAfx/wZbvMpts9Yl8hl+AxTppkNn6aGPKIkcJZpftKlbUNxPh9Dr96o"
    "S5TjoDNqiAS2lNMMSB3wAF/dDmV4vNxm8jzQt+1bRv1Rd/R73fA3XtuvLiG3L2mJSzOowQ"
    "40MkU3haGUK0Op2BhmAl7jjaGIN6qb1vPEG7Ha7oXRns1oL3j1gle/C3LBq68Jr/5FU23e"
    "N18gB6pzkxU4JmvzFYJ11r3qYDRRTZ9rjyzq6ZrndGJFhqnrXIzu6y2E7uskn9vjoStQjN"
    "NQ0xjGu6rXR0QrVNff3td/r8uw5aPpLKdT/VsBNWwE+e0z3ILv/wBln6jf+DN4zjYnIn7j"
    "mmctuh6X41nb3FRaD0BTnQUQLW1IIl4E9Lg8x+AX3JLkydmYnbAxka0xAI6s1QiY6XsStl"
    "Eu+iSOFdD4eE6a8sc78+NFC13A38sWuvxYpEPkyZyXnTgvkTcPnr3JyJ6T2BUV4rgSZ+PG"
    "u9FLPOCgBVn8gj37DP6BOTJvPo+ymVyhdPga00YxIXi6O8YG9Zmg9S8KlHRGfhm4GbZUD3"
    "hJCdSUNJ1Pf1VvOoMRqhidLFW6SlrZ+SvGKnm8sMqiLp8ic0v0CRVuY/oD+XN7xJw3xxeD"
    "Cqn04M4c97rycASlUYOjO7NP0JM75Cb6l4+FmEP0gZmrokalSpnzd/vVKltylb+3OJG4g/"
    "NDwVvyxB32IueHNCbFbbHTo8Ea9sVHMd2aXCAsxndmgUZftdfp5cjUY4Md1tDvbdVe/Ygs"
    "01ghVZuTpRSCyErkRZDykodgYeNHHT8pRdm7WfLcEyKpfd2L9nt6sBx/iYp0L2+Z/7P21h"
    "QDKdXjQxVxk0clS3CTV6SBoTV1kffyLU8V2PH8GxB/CQnjHFc3DOQ8WE9ldBvOXehJ5sTU"
    "sr8SvUKkEmO3TEpy3yEr5oCLLCEiowUH7Fi2jBahbl0CtM+C650cCZm5xylxDHuWL61fMd"
    "6UUDAyiZcBUyTrRA3Bgga6J0617Mhppo7ycMofdnEqM0uKLQM/YtPdE7MxPEmCB9WoaVUU"
    "TRI0su1BJaGmyBxbooQ7xu4Yk1sT9rnzJX1sEOABpgvVDwcJBXv86LPMPBI2ItsWB1kmTo"
    "aSlPXQ1PQ4kVCtwHwZT40jwjpE/pvjkitKtpkK8rwgz0dGiSMMCII8X2/yvGBmc9InBDNb"
    "MLMFM1sws/lZcglitiBmZ6lAELMFMZvPTbMgXnO82xCs6eOwpkXKlezx5zSTb+RJuXLUlJ"
    "G86fkg9JYjJdzjFNs9Mu7lKH0hiAVcODZDnuAUh2bUT5zLkek5qcnXGStXn+RzYWZDlCfh"
    "HJQj9hvhV3IB/sYzy2WdjxCcRSK543ocAyUV2cgGshUaSwtVTfctdL5lrtPudlsI/i2ygS"
    "3ZqhDKa5l3jxUS2Wt3VWFwgP/KfjGg3/72PstaM1QKiJZgaG6q/3z/PZ96qt5+cVFuskLd"
    "ecEcZ7TzINt6yhsMXg63nGzHWAn7IZHTQHhhW4861FaZqIbxwvFDaeBnVIl08BYsxuSwTA"
    "08Zof2k+zjGdvLI1bRXke4xDZh2/pfZAGts3WniBDPiubDI2Mt3YmVxe7a3aNC4hWOXcNx"
    "pyNJN9IN6yJ2LUi6Q3B4Z/bbA68X+Ad35vu23IWbvL+w3CXdqUtPrQ/vzIE0Gshwzj8o0m"
    "vKd256XhnFxgRQB4BPqDbTqZMmKiLIU2ulO2Az0snKuwjAEVEBcBzgiQ0LfEeZqAt3yQZw"
    "mqgAOAtgG0+X5OcUATgsKgBOpjGwJthxyFcq4I1S5iyu9XRh4WJPwoxt27JJX3fxzLIL52"
    "FKPoVnGslo0O4NZbJMJ1uD4JAsUG57I3Kg9G+7cudXskqJfL4zZbJi6Mo3itzrj4lk5CNZ"
    "AA1uP8s30kBpj0c/QX6n0MesxQ/RhjTowaopOCqy/MnFpt9Cpk9y6YWHORv6+nqYOaj2yN"
    "lYW5pB6w+gOLK67sNSAtOYWSMcMMkGbIqoQDeeNo05j0pIRPBMtvNMlo7IorKbXhJqUHlq"
    "ZdLBsgRU+5snnWTPz0HbCc8rOSplHqnQ64nCu7XOazrA4QmpBIxrmTkkDnPKJM5V/dE2tv"
    "XJQyOFVOVfaW4jVKmbew5JnmJiPGXbY3Par3w17sd04t6wUiClQrYfLjunQh28cBdXV3kM"
    "F1dX2ZYLuBZdukKnYkDYv72G6J7nKv11vqX013my9Bf5Rhen5VLOZomFRKqPwTnO1qA0ul"
    "diE1HlZPb9/wGHO2va"
)
