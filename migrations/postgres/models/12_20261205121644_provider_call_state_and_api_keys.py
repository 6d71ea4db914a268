from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "api_keys" (
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "id" UUID NOT NULL PRIMARY KEY,
    "name" VARCHAR(80) NOT NULL,
    "prefix" VARCHAR(16) NOT NULL,
    "secret_hash" VARCHAR(64) NOT NULL UNIQUE,
    "scopes" JSONB NOT NULL,
    "expires_at" TIMESTAMPTZ,
    "revoked_at" TIMESTAMPTZ,
    "last_used_at" TIMESTAMPTZ,
    "last_used_address" VARCHAR(64),
    "owner_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE
);
COMMENT ON COLUMN "api_keys"."name" IS 'The owner''s name for the key';
COMMENT ON COLUMN "api_keys"."prefix" IS 'The key''s first characters, shown in lists';
COMMENT ON COLUMN "api_keys"."secret_hash" IS 'HMAC-SHA256 of the whole key, hex';
COMMENT ON COLUMN "api_keys"."scopes" IS 'ApiKeyScope values';
COMMENT ON COLUMN "api_keys"."expires_at" IS 'Refused from this time on; null: never expires';
COMMENT ON COLUMN "api_keys"."revoked_at" IS 'Refused from this time on';
COMMENT ON COLUMN "api_keys"."last_used_at" IS 'About when it was last used (to the minute)';
COMMENT ON COLUMN "api_keys"."last_used_address" IS 'The client address of that use';
        ALTER TABLE "playground_batch_items" ADD "provider_unknown_at" TIMESTAMPTZ;
        ALTER TABLE "playground_batch_items" ADD "provider_purchases" INT NOT NULL DEFAULT 0;
        ALTER TABLE "playground_batch_items" ADD "provider_name" VARCHAR(32);
        ALTER TABLE "playground_batch_items" ADD "provider_call_state" VARCHAR(16);
        ALTER TABLE "playground_batch_items" ADD "provider_call_attempt" INT NOT NULL DEFAULT 0;
        COMMENT ON COLUMN "playground_batch_items"."outcome_unknown" IS 'Calls whose outcome was unknown (possibly billed), one line each';
        COMMENT ON COLUMN "playground_batch_items"."provider_request_id" IS 'Our id of the item''s latest provider request, recorded before it leaves';
        COMMENT ON COLUMN playground_batch_items."provider_unknown_at" IS 'When a call''s outcome last became unknown';
COMMENT ON COLUMN playground_batch_items."provider_purchases" IS 'Calls that may have been billed (sent, and not documented as failed and refunded)';
COMMENT ON COLUMN playground_batch_items."provider_name" IS 'The provider of the latest call';
COMMENT ON COLUMN playground_batch_items."provider_call_state" IS 'Where the latest provider call stands';
COMMENT ON COLUMN playground_batch_items."provider_call_attempt" IS 'The attempt that made the latest call';
        CREATE INDEX IF NOT EXISTS "idx_playground__provide_a846be" ON "playground_batch_items" ("provider_call_state", "provider_unknown_at");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP INDEX IF EXISTS "idx_playground__provide_a846be";
        ALTER TABLE "playground_batch_items" DROP COLUMN "provider_unknown_at";
        ALTER TABLE "playground_batch_items" DROP COLUMN "provider_purchases";
        ALTER TABLE "playground_batch_items" DROP COLUMN "provider_name";
        ALTER TABLE "playground_batch_items" DROP COLUMN "provider_call_state";
        ALTER TABLE "playground_batch_items" DROP COLUMN "provider_call_attempt";
        COMMENT ON COLUMN "playground_batch_items"."outcome_unknown" IS 'Requests whose outcome was unknown (possibly billed) when they were sent again';
        COMMENT ON COLUMN "playground_batch_items"."provider_request_id" IS 'Our id of a request in flight that cannot be resumed (Ark)';
        DROP TABLE IF EXISTS "api_keys";"""


MODELS_STATE = (
    "eJztXXtz2ki2/ypd/BOniqRix87kera2itgkYeJgX8CT3TueUgRqjMZCYvQwYWfnu99zWh"
    "Lo0cJq8WpwV83EQtJpSb/Tj9Pn+Vdt7BjU8l7fetStnZO/arY+pnCQOl8nNX0yWZzFE77e"
    "t9iNAdzBzuh9z3f1gQ8nh7rlUThlUG/gmhPfdGw4aweWhSedAdxo2veLU4Ft/hlQzXfuqT"
    "9iL/Lb73DatA36g3rxz8mDNjSpZaTe0zTw2ey85s8m7NztbevyI7sTH9fXBo4VjO3F3ZOZ"
    "P3Ls+e1BYBqvkQav3VOburpPjcRn4FtGnxufCt8YTvhuQOevaixOGHSoBxaCUfvHMLAHiA"
    "FhT8J/Tv8ZvVriNk1rX/e0brOnaTUB7AaOjbibto9A/fV32O4CEHa2hg+4+NzoHL1995JB"
    "4Hj+vcsuMrhqfzNC3ddDUgb6AmUv6P9BgbU5qC9GusuHOkGSwRtedzNIxyCVh7XWG1Hyy7"
    "ce+Q6v+50MLN0c10rhXBvrPzSL2vf+CH6enJ0tAf7XRodhD3cx8B0YJuHgaUeXTsJryIQF"
    "6HSsm5YI5HOCSoBHcM7xjm9ZAL4Y1tURL92R0wC/PXlTAmC4qxBgdi0NsGF6E0ufaey3AM"
    "5ZuvX07zJ41wSnjVp35Ext4jvEwYmVsMn6ZzJ0nTGBE3DhgdovPIJfUic2fYR7TN8j854k"
    "yqf3Zdj0vphL73NMch2rgDlNOxgzBrXghXR7QHOMimm3yKAgWjBFmHTbbXbOGW/u7Mbl11"
    "b7nOjG2LSrMOD4XQkGHL8rZABeSjNg4FID+kSeBy3b54+PBEUGeXjnTSH/RnRkTKht4ANJ"
    "X7ew9/xMdGuqzzw2MLxgTJwhO7SocR/x9Gle3OPrvjo5Pv3p9P3bd6fv4Rb2SfMzPy1hT6"
    "vdy2OPMGk6Z+m9hCu+OaaFPEhQZthgRKSv44NNMWWT6wN8oHFtW7No6VqCa6/1tdntNb7e"
    "4OPGnvenxfBr9Jp45YSdnWXOHmWHyLwR8q3V+0zwJ/m/63YzK03N7+v9Xw3fSQ98R7Odqa"
    "YbCaElPhujluJ6MDEqcj1NqbguC9djjBJsZ2+P25rhQ0LkxhN9ffAw1V1DS11ZdI9wQtKo"
    "DVBRzrz8IaL/+KVDLZ0hnO8M0f7ugk3VV6zFJjQ428M+8Xc8CuKzi76xAG3iOrgdWRGum7"
    "CVQwWpr/uDkfaH018Rpg/Yzi9O/1BxMsf6PdUKxCIRoFrYUBPaOVSkXDqkLgXpSmOYrQhX"
    "J26N4XaomN3rlkXdmWb6dLwiYJ/CplrQ0qGi5fkzi2oTWIfpqqOxi03dsJYOFa3AYzPXI7"
    "VXBesWW2piQ4eKlT4xtQc6WxGnxsT8Qg9WrJrS/shxHkAYNSaOuXKn+hY214xaOyTUULJ3"
    "TpwiWT9/aXwyzp7RbRhzRvRsfFKhFM8x5XBF/WK7TqjE0Rbaj43ad35jijMttM8kdBdw22"
    "8LIaL2u7ID7dQOpI+dwOZoJQpVgQuC7WkCK5iBLka6fU9jjZ+XVQ2SI5vew9T1SMnQcYlO"
    "Ro5lvNyNSnCEN8Fo9XUBNqSJ5FXKpvkQ6ZEJjBgEfDd4P8D3VbU/xLTbsz9U6Pvd1qf27c"
    "05Cf/e2Z86jXbvnLA/d3an2W12fm2ek+jgzr5o3PRuO3AmOsB7Pt62L/EW/CuH1SIauZo+"
    "9MPlq+RIydHJPG+VV5uueVAsVmTuyOBDmyKS2ERd+zbSfWLCfx5O93VCX9+/hkmfacfIH0"
    "6fmGXnolQnf3daopO/Oy3s5HgpY8BOvLcAIzJk8pqvKzoLnL0pY4WGuwqhZtfSWJsGHU8c"
    "H/rvDHeFInhzSOV1iamI+UkpzE+WYH6Sx1yZP4vR309DWCnz52InWHY/lyBZ56ZODl1ChT"
    "1czq6YRjcP7UfHpea9/YXOchJtkfqPSiTErqyegdOuPp3rFZIdCr4dvpj67OtBCu51Whcg"
    "DxVbajep6YkNkBz9TsI2WazVQb+1exf25IaWtIhuWLfjTO1C5U7yGrzSgHoetK9B//MDTy"
    "l8dqzwUSvws1yBlQPSgXG9yAEpyXVRN+jtuz9vbTdzXMrd/HiJu/kxx9182W69R38UaKQO"
    "b7e+bMw0/9VLDZcY0aOvjX+9TA2Zq+v2p/j2BAcurq4/ZICPwDFj2Lh9/GltLqcZmbVYiI"
    "3Wu9ZaXxufmuck9fPObl62eucE/72zv95e9Vpap/mx2Wm2L+DezIk7u9v839tmu9dqXJ2T"
    "xXHYipa8mDlRRU329qRUpMeSQI+8Lhjd2jzzPxzWL1EEJ4m2pwU+3tQEt2YV8BN+N790r9"
    "sFgWFZwqyUYA588l9imd7GME5I5v3AtHzT9l7j80SF81rL8GJjVfRBGMZhENOGc6ZHJos9"
    "2UrTIqK5fFrMzoAZ8QAbyE6L+d1WxYmR29AW16nW5VVTmHNAc07w3zsbZqvb5uU5Cf/e2T"
    "ed64tmt9tqfzoni+M7++L6681Vs4e3zg/v7I+N1hWeCv/KYf0aU1/HPZ3IuEzSyDEk8bG7"
    "2C9vZLQl9RxltRYp3YjSay7VazKslGLzKcVmskulNJsXje5F47K5TLGpAgVUoMDBOb1LFv"
    "Yusxf3vkC1SQMMm7FY1+KYYBYX6yWNMOFEOu/0T9phatc2bjWcR9OgLhlAT8f9R8I35Rx+"
    "oCRuUcImnzphDosIEkhvwGcCuxSkCSaYFuD47HVWYt3QIzh2ot8W60i0IiEQGutOoeUnZU"
    "VKblJs0xsljEjx62r4umwTQiN7Ung6sB9sWPnY/cqitFOLkksxbBUkC9cZayG/hXAvol+B"
    "E9tSyI1gwMALh6oBB0ZZ+C3eyuqBJ9mR6OSLEZYDvVAXliZSHpEcdRhMNeMJx1xWrNdfUM"
    "hsQGG9NnxVmNZhbocZPVR3RQvEEdPnReovAoueBaOzpG/8tg0BqHUpikMt7PxpIqUIzimC"
    "KeVM4B/M+0JEY4pKWEomhEZo/s/Jydu3P528efvu/dnpTz+dvX8zhzV/aRm+H1qfEOJUV+"
    "Yp31fR1+5ESXvTbF+22p9E9bQR2TmJDu7szm27zc5EB3d29/biotm8RCXs/DCrl8W4hfZF"
    "84qdmh/Koa3VfVhfJ0IplpIk0obz7GxKoq7r4F7Ap/eOW+Cq/fQwybcitbm302h3W00M3Z"
    "kfosmi3YMD7eb6qnXxb7RbJH/f2S3ol1etS63VvrkFytRPZgj5tXXZ7GiN295nZgtZ/OQP"
    "KGyx1+y00RYcH1UZZKX8L5a4X+S9LyJuwm6c3x/44yxNJTH/Kzq6rD8mJURsTD0vStFRVh"
    "7OER4C2tuWcBOmWHSw03i61MJFhU98QFLa2hYYTA0BG54JPIXTx4ttrFm6leyskmG8A/eF"
    "ULnn694DV4lUPK3zaCWebuJNOHvnFx7Bt2aR6EyTxHRKR9/0R9qdwM7qZZ14vuNSg/Qp3A"
    "OEjmUh46rIuifvS/lBvl/iB/k+u0KkwfcsR8x/qIB8D4ZSrQsvSyKddph/Fz4B+OkE/iTw"
    "PTLWmcZ8OjJRt+4DH03LIiPdw7P9kJPA1yMYFcGYrq5k2ey4dCmA6flVh2aaXObReR24xD"
    "RiRzAcjsBTC17L8xd6suhz6nAwcFxjMTyBzxaFwVtSDbzNASrqEZ4jlJlryTl1nus3ZBpa"
    "kapwY/2uqwWGrYpeelwbmcQs+jaiMEASjEmbJfFDjWrDZu06nDS6kXpGTPbm00ur3WEDKH"
    "pR4JHuw/Jl0IrDaP3WmBDNSeAOYP0UUvjzieXlwwXA7MUcmIG48EhhbaE26ZuhuIB2mzqB"
    "sUJskD+AGyA82PDOBASLoW7iPXjRpcMAXmtXiY14xvoc05ZHnxU0sYYwtO1NeDa6UgBHQ7"
    "Fw4IxxOMFg6tMBAEWiL1vdviZ3cFo+JjECQ0sAUFazxCGVedULx/N05Hh03gWmMFSj1ydH"
    "AK1n9q1ZNMBhw4fOBLDHo4Tqg5GctldYrN1qMaVpyr0ZzGvREe7bKE16ZgmyOUOq+Cwzn1"
    "VegGK5aD8jxFVegOfIdc5gL64KIeipmaVTEUzLI5jmeOVBFo5iOsDAmnomkinbvapHM+0k"
    "SkdO4WQHwRTYS4tiKaIeLBBKEceklYuk+P495tL372zXfc70V5jj0xlGmnpyhKeASQFsx2"
    "CCh/tc9NpmhRJN4yU/gGJtLXPjJpJRfNnskvnAibLpt+KcW1FEBUauF1Cp7FxSxFIoKfzQ"
    "5DElhT9HrpeRwseFnotPm/7Gq/gvbi3QROUr2l/v/jB1iuDqWcsmXsm79oeOxcBauKXbW7"
    "gaL84Uuf/fNDrI0at/a4nrnJObCxRYvw9zGIcl6i1VECewR3mW5PVB1F048qkrxpMUlRxs"
    "qZJrp9Y1/wMtD7DEj1cnGNaF7k1RlQc4EwUFwv/wjPvV41w3wsOpafijPPsK3QPm96s4WG"
    "55IvN+JOL4siBQePIi/WCIab7JS21UUhxINrBFieDki+hscuOaA0rwVeeFuKLsi6Irb5mg"
    "luKYllxIi+/4uiUeOJwlU/2b078HIJ6g0tYQx5dHKq2X1s4ADh28xNHN0Sloc303rE+HET"
    "3UfeRFwRf3XQ6pArgI4IE+8QO3EsBJUgVwcQ8OXT8r9eAFqQI4F4mOqdU0j/4pgGyKRlpI"
    "a10MaMHiqCCC9pMhFOinH/Qt5sxFaJxbbvvYS1CxTTIj7xZKtsVRW0N4D+pOXJNXLnhZjU"
    "guucTg17qfG69Ozt7F/T/6ghceWah56ixrErUsorOcXzOC2cvYj8CrtMNZf9x+7Dsvwq0k"
    "zQHUpdi0Xl+lRlAO6PvGCbmtpMoB/bnyWaXTX3Ni0LTDV1lI01QK1Jw0nExWu0Ke2/1Icb"
    "tldJOVhATR5ZAqdFV9jW3U1+BMumuANVH990CRTS81T2ObHOJrALiLzd3MW9vLGeFJjDnT"
    "YgpoeA/Svr26qhWucmtAWiB2ZU9h5qztBTCXCl9ZvWRKqnDFgcwfnC66vWpFe9Ix0/pyFQ"
    "ZVDqhofgy4aWWEO1S4ptx6++hvXwouVa1oKVSbDLBbjEROhF1qmJYKscvMEOVi7CKDCFZF"
    "RfLzMLrNxoSHdXYc5zjBHERTlvHL9InpRVks+eF162iUE1knFDqXDUCNajmF1YuWx9CpuD"
    "kVNyfnjL6nEVQqbu45cp1jKSjIXiFa8SpDJa0Xzu780i3HF0Y1TSQtqLUbxzPZCjc1/ZFp"
    "h8JFmNY3Uv9sH3AV//ls4j8PtZactK4hQ9PWLU0c9iydxG45T9fxC7UanuQl/EINtWhi8j"
    "SVxGyq6Kt2XCrW+HhJsPFxPtrYcwJ3QAsjR4rjW3OEcoS4Vok8rnXicNZQ0eCRo9vOFaoa"
    "CHwk0ybAWUkrMcThc6VHSXS/zGsIMCTW/ODrYgrrbz8+V1m3158DXlXCVJUwS0xNqhKmqo"
    "S5tRgYprEXjX5JEkksLNW64fJL4FUX4RceklbozSdnZ2XCYc7OisNh8BoP/8C1xPGPiCTG"
    "v6qw+uakTPQK3lY8dbCLu0zkIRvEe57H48DhhOZ9jOpkoAhMBVm6w5sN1h/JxjKe9Ge+UL"
    "qDNJHqwtz6PKq07OZhVqVl8xhvW3Gi6ser+vGqfvxuVm8VJL1L80qU1UVgZU9QSKt+qV2E"
    "L0kGMFDvqZGonT2OOsv2F3oJyqrsT2cXiApERw1BSBMkCs00mirOWsVZywmqilVVsaqyIi"
    "saq7qj0l9yrlhrqvyVlQnWBW3JMMk9xTYhClUvqHavWxZ1Z9oaIlM/hU0dWmzqJoO+5i5L"
    "LMCrxon8ytxRLxn+NU/tn3DtejIGrBirVeKvVACVCqCSc8jvaSiNCqB6jlwvE0AV+biKOh"
    "FlyGT2Ka2o+96Iw5Cgq9AqTkJyo7spL6HIOV0Q5zSVxJaF2jcW7D6lZEhhs4IB8j7LNlwn"
    "5jA+V82idvq+lE3t9P0SqxpeVOWXDsdt69Dx3KnflnTgHqjjlnQ4r7kTKxuOMjdIoFp82t"
    "xQrFvcpL4sqWLkKMsyGshSmrJIAbp+BVlaI7bIx4QnfhfKXmR6GqvSMuBdTD3E04b6o+Oa"
    "Pn3qVpXwSOnr9m322lPNjdLXPUeul9PXPaus6CyxxdB0sepYWG46igRkVmJypJOBM5nVmc"
    "vf0LSwHNPq4foC/j77lbcnnYVHcJFTKXyeTOGztJbW1lP4iFbSYmONCZ1Y3ixMJqN7bLQF"
    "sHchU9fxWaLNaNSVHGi5snQl69ItLUyXc+D3Td8S0uHMCeRlSFXLxSYq/yXfLIdysdt+hu"
    "wAsN62z76v3wul54nv39+sPNIGjiG0mg99XWieSRLJ2//Z5I/vilP+f+GA/Z8SrKpM98fl"
    "pvvjZdP9MWe696juDkbCzMiQycwOXJ7q82XYNhhzzsl0pPtkCG/zCj+ChB9EcL9TiT9vT0"
    "vxB28rlo9O8/xJ6Z8y/oGOY1HdLlABJeky7OkD4ab4Mz+z3Wnqw/X1VWqa+tDKLgm3Xz80"
    "YYAw9OEmM1SqcnLBpBV5YpgnKRXqIqindLQ53JfoOrOEygyj7FoHHZskp8u8shVKaSvkz7"
    "FrQFaketG+wptbW+QM/5JzQlhL9NduTN2ZglMca3e+JFUpg3cYkhWlkGZUT9YGasT6ej1S"
    "1QceNc4J/QFU1gy2MSace4RdJdxfZ5n4w63NlHmssQ2PiU5WnunP6piQdwAboThxv+Ma1M"
    "2XDtrSM7mG+1zcfkTHsdunLDDKjC6NGT3qGXmoC73TEhTKNY2bVIz1dNF87hmyA/Su3EhG"
    "9/mUU74DJ0lk7sG1a5x9cUpGa1RiWq4z73fyhhzhBYvqRrQGlDVOrbnHTws8tD9ajl7k8l"
    "7koz1EGnl4sI7Z+fL69sNVk9x0mhetbitS0c/dK9jFtMal02xcZVUu8RIthHKKSgFdBmjl"
    "VlY8beyng1EZtzIJElfJxu11qd8q+Gztl7fWbhCNpPBqyKaJFcJL1Zs7SmQj6XywgUw2Ya"
    "dcA7pd9PW8mbe2l323hCYuMTmmwIU3IO3bqyseulrhPn8VlH9dNHrQYKfnywLQd6P+TPZ5"
    "ju4zMyRKKT6TLtPCik/bIKGjJPoss/ykgeticb4Iw7DeqA/M8cgRU0Sit5RXj506sIGI3R"
    "7z8Hi5TOW5oaetWkb90fTMvmlFG6/lVwPM7Qs9MbDjGuzoRqaZtlKUSqUoVRvDQsAPeGOo"
    "4o0Ojetl4o1EdfdKaS+mtFd+9cqv/inIlV/9gfjVv6jr9X79BfGwOjdI4BRk8xlBOauve5"
    "QMdDvytScOs3SNSxqxUtPU+1Ie3e+XOHS/z/tzh37oGhbjtHSeh/FT1etTpFtk11/h4/8+"
    "lGkrQtMLhkPzRwU2LAjlHTPSgh99gLZK1G+2DZmzzamI3yznRYuuZ+lk5rY0ldZj0HRvgo"
    "6WLiYRrwJ6ll5i8CtuScrkbCxO2JjL1hgDB7IagMnfk4jNcumWJGZA7csxdOUvd/aXk3Ny"
    "gn9Pz8nplyoDokzmvOLEebm8edj2IiN7SceuNJHElThrl+GNYeIBj0xA+EV99hH+g2tk2X"
    "we6/bkSqTDN4Q2ijnC/d0x1pjNhMy/KGbSEXwZmhmWVA94yRyomdN0Of5te9MZz1DV3Mm4"
    "1Nt0Kzt+LVglTxavsrTJp8rakm5hi9uYm07r10ZPOG9ORIYVUtnBnX3bvmp1e1gaNT66s2"
    "8AvdYF3MT+yiGIecAPKlwVNU21ljX/abva1kSu9e8t9iTu4HhT8K554U5akctDmqGSttjp"
    "zmBN2uLTmC5NLpAkkzuzQO1Gd+fp5WDpcVEPa5l9V3dnPxPHtmZEN8YgShGMrCRhBKkseQ"
    "gmLn006VSr6r1bRC+9QyTTr4fRftOR40UiKjHDvGXRZ63MKQGn1NAfqoqZPE25BjP5ljjQ"
    "dYY+CV/+PGQF9UL7BsZfYsI4zzcti3gjZ7qOYSO5CT3vOTF03AfgK0YqCQ7LPKX0A3LLPu"
    "AqS4jKaCGBd6xYRovEsF4DtM/C1zs/Ewr7HnPiGFYsX3p4xXg5oWCwiK8DplTWiQMECzvo"
    "ijgd5EDmqTrWh1P5sIt9WVk4ugz6SG1/RcxusaUmNnRAXWtL0SRxJ1seVJLoisKxJVpyYD"
    "wdY3Jt4z53HLBm4wAPVF3oUThIItjj58jLLHTCJrBt8Yhj03woyboa5abHSYVqxerLbGoc"
    "Fdah8t/s1rlizTpT5TyvnOdTs8QOJgTlPH/YzvPKM1uSMaE8s5VntvLMVp7Z8ohcyjFbOW"
    "YXsUA5ZivHbDk3zcrxWuLdhvKa3o3XtEq5Ujz/7GfyjTIpV3aaMlI2Pm/EvWVHCfckxXaF"
    "jHslSl8oxwIpDJsJSzDHoJm2E5cyZIZGanicNfPNQTkTZjFEZRLOYTniqBM+wAX8m80sV3"
    "Q+5eCsEsnt1uIYM6nKRjam3aKytFLV9EhDF2nmLhpXV+cE/62ygV2zViGR17LsHitBstLu"
    "aovBAdErR8WAfvsr/N0y6olSQKwEQ31R/efv38uxZ9vbLynKTW6Rd2EwxxEbPMR1pmWDwd"
    "fjWw7bMVGH/QTJfiA8cZ1HE2urDHTLeuFFoTT4GdtEOn4LEWVykuYALGabtpOsYhlbySK2"
    "pb2OMoktwrbN/4AAbYoNpxSRzIyWwyLjBP7AKfLuenpEJci3OHd1by8ums3L5qWoEDsnhO"
    "EQH97ZN41OOAqigzv7Y6N1hTeFf1HcheF0xU7ND+/sTrPXaeG56KDKqFm/cTO0ymguBUA9"
    "BD7H2kKjDo9URZBza6V7qDMyQfKuAnCKVAGcBXjgooDvaQN94gdiAPNIFcBFALt0GMDnVA"
    "E4SaoAzqcxcAbU8+CRGlqjtLGIaZ1PrEzseZip6zoujHWf3jtu5TxM+VZkdiPpdRrtbgvE"
    "dNgaxIcgoFy3e3Cg3VxftS7+DVJK6ved3QKJ4ap1qbXaN7dAmfoJAlDn+tfWZbOjNW57nz"
    "G/U+JnkfAD3Gh22ig1xUdVxJ9S3vRLnOnzvvTKwlwM/eFamCWo9ijZXLs2hdYf6OIoarpP"
    "UilMM2qNZMCkGLAcUoVuNm2acB6VBInyM1nuZxJ4KovK0+4liQ5VplYmmyzXgOrNoqW9HP"
    "kl3HaS60qJSpk7KvS6p/AurfPKBzi5IK0B44PMHJKFmbOIS1V/tDExgWM1jlNVdKW+zKFK"
    "n5jaA51t3n1K+Tzt1OdJ7bMLAT/gfbYqnnloXI8xem7FM5nXEEt3+MIj+MJk6Lgs2e5DuM"
    "SJ16srY5lfVq2O49fIDcFf5ktEtx57XxF6QBmAH5qu55MBfBCICdTFMt4jYArW3GBlveUw"
    "qXsU1ixfG+neSIQbGbL1sGQTJQRqn782Ll51PzdOzt7FmcOnI8diXKqTEf1RhQ/vysSpvi"
    "sOVH2Xi1T1Bs6EF2tR7Oe7oNjfIMpaKHZ38VPIo24FtOSw2LZXL/0xMeFyBeEgTbk/KcM7"
    "dMhyg2M6Vxg1mK0d3o849s+sNWgT88uR6PNW5prkckNeXHTpo/NQSVxMUx5Aj3h+zLd0z8"
    "fguCrsz9LuTwdo9J3Ah9WT2lgxYKp7BL8lLCFw5DtsbR2bduDT1WMA9rlLGAa0y1nLi8Up"
    "LrHUrhrA6oFlUtsn0RuHwlVYUUIOkUrVHVB1ByTQiT9dd2A3uvBfnP514PedHzWOOnxxsV"
    "4yxBhtK86C5MkEyQ0CFDhpuHTguAYsJybmLWaqCp2MdNt45aCACeuK6XsEY0lhUw2cDziJ"
    "kVdp7M6+sxsYuYYViaau6fuUbdJxNYNvsD093OhEm0fY0Nv3NJzqMCDLmytX8BWO9Cg8K9"
    "IE1+HxU9ofOc4DYTnC7+zwFanxksBrRUV5DJCiBpS1wl4KXhmkK/2B2nHL5+wAVdZ9HeG0"
    "HZ90qGF6dWhiYAK4sDDDK40DWJHdwH4NV3UDH3Fnxx/FCmT1Z+T7dxhxj+aAeq9Ne+jqr7"
    "HMwuuQed+/F2eIjuN5UYuUTQz9W82A+zGEWxkvJA3Y5uO8/SDtiuIGDq9o4DKd5hGvE8O8"
    "9QXueY13lK1KvGExJNK5lu330e3yCx9h9K8Rz4sAP3AGp9HFNHzkx5Xf6uH0FQaHzLYaIq"
    "z7mD2XF0Nf6KaeJJE2AqD2OV7WYKlwTVhDPAdaLVnLed3+6tHsn8P4iXp6c6r9sZrVvuEG"
    "WCcGggkyxVifAf4zWPrv4cRLaNKZ1glmawbZY8j+heeaVuBSApLCwNLN1QO393N7zMIRhP"
    "fFcyqZN8TfRjM2xTGNyELgRMaHkUTC4QNnZ2XiB87OigMI8JqKIDhsG3eRZ0Nu376bTea3"
    "cO/TCBfUGmenmbmj7HYz2lRpyaW6XFWem+tuL6yZE4sjbCM2DTd0qNAewiaRX3xHgLZMkq"
    "y4kUg7EH1LlApL7aN2uo9KMUNwsszSHuB0uSfTYynZxPN1P/CAf7z0K4WbhAyVCmLNbwpQ"
    "CLYHM7EY4TSRgrUgNlhEjN4HCbo8mikx+exNGd80uKtQTGbXMkXB6A9Mvw+7ugqTf454fw"
    "y8bGeLuxj8BhKtYqgWh306OWo7NsXdLRk77nO08GaktbICWIZMfsXebq2KMVxrMCxGW4vL"
    "RIv7ifCTNsZMH5PJzJhlQvEWMMknoT1g9PUmFdgFMmMcM905+Ms2Jg7Aex7v66gB0x+xKG"
    "pz0DRXJzijm8xQB7s/bzCiRmBREti+aaE3jBcMBpRijVWX3EMLHgkm/D3k1p7MteHFz4t6"
    "CnuZeZ7l1OY0c2c2S3PmcjbAzqN/qi3sjrewh+8Aw2xQcU984YVBD+QorHyMCj0UXpijtI"
    "GGb9PfquVpPrhERPUEjdQm2WjyfWUaoWuCx9RfdlR1Wl+o83ZvgQ0xZTAKcyKmkpkXFbdO"
    "6wdaparZUFoVWExzcBYrpsK7JdacsGk79JNio4yVrf+THKFflOuRyIcKzi4ku7LOHOvOdq"
    "fPLEfndOYl+fcXJNsPzNlNV95IyE2oX+XP2E9nvltQbzF5702zfdlqfxKUEmOycxId3Nn8"
    "ZL7p1L1V1tb1xw8eqnfNzpS7TH0YQVRV+5gm3xv947M0PjEXl2oWKB6pxKv+Ds1QB+17JJ"
    "PlRDkYFaN/WA5GHMtIJb5nadVqJfNqldH6lt3gZ8jkVyzu1gYWw7U+G1gz0eJ+IvykDSzT"
    "x6qXPo2lZ8u5zzNApPZp3rXxQKDfaPHTbI8tNhgmO7WQwTDuKiXthQ1y27kiOkY2u0T3Hq"
    "gBhxhLyNxBmQYLf9aJB0MTLk5Nf8R04gnLRJgwhxx1YbwagBGJvsF7yYtm3PjzyninJk1B"
    "Seufsuqp7IRyzlcHLGKr7ISHxnWOvJ3LThi4lojKIrr9AG2VJ29Oy1QHxNuWFFQ5zdUITL"
    "6cANAZsoOrbboR3VAouIiY0hYUe5zirsn8vRiCIJXBIchbJTPkbNvkRm1EjCPFfXAci+p2"
    "0eZ+TpVhUx/INsWfWLbbrtz24fr6KgX7h1YvA/bt1w/NztEx4wHcZIY7UE7EtOkx3DRYvj"
    "zB6SdPKrF+msXGTimJ3xqdFiNncty04C6nUqqGjUxS4b5JhBkLCpnX3dp0BC+q/QOzx7w7"
    "/ec52zt6kbdW0uda2KRcigvHS7hwnOfCxKWPphN4mjg7OKQyj42ub1pWxIy5S69QUs3ts0"
    "Orng11eUtK9y/PXiS/Be3rFuqaNQvI/BE0PHIskfqqhfQS26zjorCvEy9P+hT/ZRlQo9Ml"
    "R+qa7dpJQFGyFJTbeORbFODmZ1bkBuYhZXI1RuKHCYfYRZZDDdOk9SkFGV4fPJBgAjNtaX"
    "ZtRwzEDCFYD3f+YiLTaY54b2bQ2keWHj/MjzIPNWTfscijwkJbvGeYXPrZOFLXutSPsjTC"
    "huCVMxzOjRiYSwMjpEI/4aNP0eu27Engv44sOS/Pw6SGmNRxoSzYllv24cfX7NYMrhLMlj"
    "J8r5JgNufDY/KKUFQweh9g0O1Grd4NgH4wqnGM3dGV+tLKdIt7pKlLV7gP4E5+HKE/6uur"
    "WXyld1MtNvRiZkdBu0SCRGZlVFUj0CZS4uGgEkA4uv0A0d2I5gie6HN3psVGnwSJip8SNO"
    "bkhKlt5nz4+/8Bn3ujMQ=="
)
