from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "playground_gallery_likes" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "item_id" UUID NOT NULL REFERENCES "playground_gallery" ("id") ON DELETE CASCADE,
    "user_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_playground__item_id_997759" UNIQUE ("item_id", "user_id")
);
CREATE INDEX IF NOT EXISTS "idx_playground__user_id_0e4b4b" ON "playground_gallery_likes" ("user_id", "created_at");
COMMENT ON TABLE "playground_gallery_likes" IS 'One user''s like of a public gallery item (at most one per user and item).';
        CREATE TABLE IF NOT EXISTS "playground_gallery_reports" (
    "id" UUID NOT NULL PRIMARY KEY,
    "reason" VARCHAR(500) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "item_id" UUID NOT NULL REFERENCES "playground_gallery" ("id") ON DELETE CASCADE,
    "reporter_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_playground__item_id_7aa56c" UNIQUE ("item_id", "reporter_id")
);
COMMENT ON TABLE "playground_gallery_reports" IS 'A user''s report of a public gallery item, for administrators to review (one per user and item).';
        ALTER TABLE "playground_gallery" ADD "hidden_at" TIMESTAMPTZ;
        ALTER TABLE "playground_gallery" ADD "like_count" INT NOT NULL DEFAULT 0;
        ALTER TABLE "playground_gallery" ADD "report_count" INT NOT NULL DEFAULT 0;
        ALTER TABLE "playground_style_presets" ADD "forked_from_author" VARCHAR(120);
        ALTER TABLE "playground_style_presets" ADD "forked_from_version" INT;
        ALTER TABLE "playground_style_presets" ADD "published_from_version" INT;
        ALTER TABLE "playground_style_presets" ADD "forked_from_name" VARCHAR(120);
        COMMENT ON COLUMN playground_gallery."hidden_at" IS 'Hidden from the public gallery by an administrator';
COMMENT ON COLUMN playground_gallery."like_count" IS 'Likes (one per user), kept with each like in one transaction';
COMMENT ON COLUMN playground_gallery."report_count" IS 'Users who reported it';
COMMENT ON COLUMN playground_style_presets."forked_from_author" IS 'The origin''s author''s display name when forked';
COMMENT ON COLUMN playground_style_presets."forked_from_version" IS 'The origin''s version the fork copied';
COMMENT ON COLUMN playground_style_presets."published_from_version" IS 'The version current when it was last shared (UNLISTED or PUBLIC); others see versions from it on';
COMMENT ON COLUMN playground_style_presets."forked_from_name" IS 'The origin''s name when forked';
        CREATE INDEX IF NOT EXISTS "idx_playground__is_publ_2fbd25" ON "playground_gallery" ("is_public", "like_count");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP INDEX IF EXISTS "idx_playground__is_publ_2fbd25";
        ALTER TABLE "playground_gallery" DROP COLUMN "hidden_at";
        ALTER TABLE "playground_gallery" DROP COLUMN "like_count";
        ALTER TABLE "playground_gallery" DROP COLUMN "report_count";
        ALTER TABLE "playground_style_presets" DROP COLUMN "forked_from_author";
        ALTER TABLE "playground_style_presets" DROP COLUMN "forked_from_version";
        ALTER TABLE "playground_style_presets" DROP COLUMN "published_from_version";
        ALTER TABLE "playground_style_presets" DROP COLUMN "forked_from_name";
        DROP TABLE IF EXISTS "playground_gallery_likes";
        DROP TABLE IF EXISTS "playground_gallery_reports";"""


MODELS_STATE = (
    "eJztXXtz2ki2/ypd/BOniknFHjuT69naKmKThAnBvoAnu3c8pQjUGI2FxEjChJ2d737PaU"
    "mgRwurxatRumomBklHSL/Tj/M+f9UmjkEt79WdR93aJfmrZusTCh8Sx+ukpk+nq6N4wNcH"
    "FrtwBlewI/rA81196MPBkW55FA4Z1Bu65tQ3HRuO2jPLwoPOEC407YfVoZlt/jmjmu88UH"
    "/MHuS33+GwaRv0G/Wir9NHbWRSy0g8p2ngb7Pjmr+YsmN3d63r9+xK/LmBNnSs2cReXT1d"
    "+GPHXl4+m5nGK6TBcw/Upq7uUyP2GviU4etGh4InhgO+O6PLRzVWBww60mcWglH7x2hmDx"
    "EDwn4J/zn/Z/hoscs0rXPT13rNvqbVBLAbOjbibto+AvXX38F9V4CwozX8gauPje7Jj29e"
    "Mggcz39w2UkGV+1vRqj7ekDKQF+h7M0Gf1BgbQbqq7Hu8qGOkaTwhsfdDdIRSMVhrfXHlP"
    "zypU++wuN+JUNLNye1QjjXJvo3zaL2gz+Gr2cXF2uA/7XRZdjDVQx8B6ZJMHk64amz4Bwy"
    "YQU6neimJQL5kqAU4CGcS7yjS1aAr6Z1ecQLD+QkwD+evS4AMFyVCzA7lwTYML2ppS809l"
    "0A5zTddsZ3EbxrgstGrTd25jbxHeLgwkrYYv0zGbnOhMABOPFI7RcewTepE5s+wTWm75Hl"
    "SBLl09sibHqbz6W3GSa5jpXDnKY9mzAGteCBdHtIM4yKaPfIoFm4YYow6a7X7F4y3tzbje"
    "vPrc4l0Y2JaZdhwOmbAgw4fZPLADyVZMDQpQaMiSwPWrbPnx8xihTy8My7Qv616MyYUtvA"
    "HyQD3cLR8zPRrbm+8NjE8GYT4ozYR4saDyFPn+fFAz7uD2en5z+dv/3xzflbuIS90vLIT2"
    "vY0+r0s9gjTJrO2Xqv4YxvTmguD2KUKTYYIemr6MOumLLL/QFe0LixrUW4da3Btd/63Oz1"
    "G59v8ecmnvenxfBr9Jt45owdXaSOnqSnyPIm5Eur/5HgV/J/N51mWppaXtf/vxo+kz7zHc"
    "125ppuxISW6GiEWoLrs6lRkutJSsV1WbgeYRRjO3t6VGtGjzGRGw8M9OHjXHcNLXFmNTyC"
    "BUmjNkBFOevyu5D+/acutXSGcHYwhPrdFVuq2+yOTbjh4gjHxN/RLIiOrsbGCrSp66A6si"
    "Fct8FdqgrSQPeHY+0PZ7AhTO/wPr84g6riZE70B6rliEUiQLXwRk24T1WRcumIuhSkK41h"
    "tiFc3ehuDLeqYvagWxZ1F5rp08mGgH0IbtWCO1UdLct83HR4hWi14U5VR8ulU8fddPUK8e"
    "qye1UVMc9fWFSbgpxHN8Wrh7e6ZXeqKlozj+2MT9TeFKw7vFMTb1RVrPSpqT3SxYY4Nabm"
    "J1pZsX1OB2PHeQRlx5g65saD6ktwu2Z4tyqhhpqjc+bk6ZLZU5OzSfqIbsOcM8Lfxl/K1R"
    "I5rkKuKpnvNwyMhNrKurZT/+FvzDCrBf6/mG0MLvttJaTWfld+xoP6GfWJM7M5Vq9cU/OK"
    "YH+W5hJuxquxbj/QyKLspU3P5MSmD7B0PVEyclyik7FjGS8PY3Ie40UwW31dgA1JInmN/k"
    "k+hH4KAjMGAT8M3o/wfmX9WxHt/vxbJcZ+r/Whc3d7SYK/9/aHbqPTvyTsz73dbfaa3V+b"
    "lyT8cG9fNW77d104En7Aa97fda7xEvwrh1csnLmaPvKD7avgTMnQybxuFTfLb3lSrHZk7s"
    "zgQ5sgkjgEovZlrPvEhP88XO7rhL56eAWLPrO+kj+cATGLrkWJQf7mvMAgf3OeO8jxVCpA"
    "IvbcAoxIkckbHlEyGOXidZEoB7gqF2p2Lom1adDJ1PFh/C5QKxTBm0Mqb8hVSczPCmF+tg"
    "bzsyzmyr2ej/5xOloLuddXmmBRfS5Gsk2lTg5bQgkdLuO3TqKbhfa941Lzwf5EFxmJNs/8"
    "RyUSYjc2z8BhV58v7QrxAQXvDm9Mffb2IAX3u60rkIfyIwF2aemJHNwc+07M951v1cG4yA"
    "cXdHJDi3vcd2zbceZ2rnEnfg4eaUg9D+6vwfjzZ54y+BzY4KN24O9yB1YBbhXjel6AW5zr"
    "omH2+w+v35s2c1ooneF0TTrDKSedYZ223qffcixS1dPW182Z5r/6iekSIXryufGvl4kp07"
    "7pfIguj3Hgqn3zLgV8CI4ZwcYd489bczm3kdmKhdho/Rut9bnxoXlJEl/v7eZ1q39J8N97"
    "+/Ndu9/Sus33zW6zcwXXpg7c273m/941O/1Wo31JVp+Du2jxk6kDZcxkP54VyiRak0iUtQ"
    "Vj2KRn/ofD+jWG4DjR/qzAp7ta4LZsAn4m7uaX3k0nJ/EwTZiWEsyhT/5LLNPbGcYxyXww"
    "My3ftL1X+HuiwnmtZXiRsyp8IUwTMohpwzHTI9OVTrbRsohorl8W0ytgSjzAG6SXxay2VX"
    "Jh5N5oj/tU67rdFOYc0FwS/PfehtXqrnl9SYK/9/Zt9+aq2eu1Oh8uyerzvX118/m23ezj"
    "pcuP9/b7RquNh4K/cni/JtTXUacTmZdxGjmmJP7sIfTlncy2uJ2jqNUiYRtRds21dk2GlT"
    "JsPmfYjA+phGXzqtG7alw31xk2VSKKSkSpXFKFZGUVZI7iPhaodumAYSsWG1ocF8zqZL2g"
    "EyZYSJeD/lk/TO3GRlXDeTIN6pIhjHTUP2KxKZfwBSVxixK2+NQJC1hEkEB6Az4T0FKQZj"
    "bFshOnF6/SEuuOfoLjJ/pttY+EOxICobHhFHh+El6kuJJim9445kSKHlfDx2VKCA39ScHh"
    "mf1ow87HrlcepYN6lFyKadEgWbjORAv4LYR7Hv0GnNiXQW4MEwYeODANODDLgnfxNjYPPM"
    "uO2CBfzbAM6Lm2sCSRiojkmMNgqZlMOe6yfLv+ikJmBwobtcGjwrIOazus6IG5K9wgTpg9"
    "LzR/Edj0LJidBWPj9+0IQKtLXp5z7uBPEilDcMYQTClnAX9nPuQiGlGUwlIyITRE83/Ozn"
    "788aez1z++eXtx/tNPF29fL2HNnlqH77vWB4Q4MZR5xvdN7LUHMdLeNjvXrc4HUTttSHZJ"
    "wg/3dveu02FHwg/3du/u6qrZvEYj7PJj2i6LeQudq2abHVp+lMNaq/uwv06FSnjFSaRN5z"
    "nYkkRd10FdwKcPjpsTqv38NMneRWp3b7fR6bWamLqz/Igui04fPmi3N+3W1b/RbxH/fm+3"
    "YFy2W9daq3N7B5SJr8wR8mvrutnVGnf9j8wXsvrKn1B4x36z20FfcPSpzCQrFH+xJvwiG3"
    "0RchO0cf544M+zJJXE/C8Z6LL9nJQAsQn1vLAETFF5OENYBbT3LeHGXLEYYKfxbKm5mwqf"
    "uEJS2tY2GCwNAQrPFH6FM8bzfaxpuo38rJJhfIDwhcC45+veI9eIlL+s82glXm4iJZw98w"
    "uP4FOzTHRmSWI2pZMv+hPtTUGzelknnu+41CADCtcAoWNZyLgysu7Z20JxkG/XxEG+Te8Q"
    "SfA9yxGLH8ohP4KpVOvBw5LQph3Ud4ZXAH46M3868z0y0ZnFfD420bbuAx9NyyJj3cOjg4"
    "CTwNcTmBWzCd3cyLLbeelSANPzy07NJLnMs/Nm5hLTiALBcDoCTy14LM9f2cnC16nDh6Hj"
    "GqvpCXy2KEzegmbgfU5Q0YjwDKHMXIuvqcta0gHT0ItUhhvbD13NcWyVjNLj+sgkZtGXMY"
    "UJEmNM0i2JL2qUmzZbt+Ek0Q3NM2KyN59eWusOm0DhgwKPdB+2L4OWnEbb98YEaE5n7hD2"
    "TyGDP59YXj5cAcxexIEFiAtPFPYWapOBGYgL6LepE5grxAb5A7gBwoMNz0xAsBjpJl6DJ1"
    "06msFjHaqwEc9Zn2Ha+uyznFtsIQ1tfwuejaEUwNFALBw6E5xOMJkGdAhAkfDNNvevyZ2c"
    "ls1JDMHQYgAUtSxxSGXe9YL5PB87Hl0OgTlM1fDxyQlA65kDaxFOcFD4MJgAdDxKqD4cy+"
    "l7hc3aLZdTmqQ8msm8FRvhsc3SeGSWIJtTpIrPMvNZ1QXIl4uOM0Nc1QX4HrnOmez5XUcE"
    "IzXTdCqDaX0G0xKvLMjCWUwVTKyppzKZ0sOrfDbTQbJ05BRODpBMgaM0L5ciHMECqRRRTl"
    "qxTIqvXyMuff3KtO5LZr/CGp/OKLTUkxM8BEyagToGCzxc52LUNmvEaRov+QkUW7szN28i"
    "nsWXri6ZTZwoWn4rqrkVZlRg5noOlarOJUUuhZLCqyaPKSn8e+R6ESl8khu5+Lzrb7JJ/O"
    "LeEk1UvaLjje4PSqcI7p61dOGVbGh/EFgMrIVLev1VqPHqSF74/22jixxt/1uLnecc3F2i"
    "wPZjmIM8LNFoqZw8gSOqsyRvDKLuwiefumI8SVDJwZYytXZqPfM/cOchtvjx6gTTujC8Ke"
    "zyAEfCpED4H37jYfM8153wcG4a/jjLvtzwgOX1Kg+W257IfBiLBL6sCBSevEw/mGKab/JK"
    "GxUUB+I32KNEcPZJdDW5dc0hJfioy0ZcYfVF0Z23SFJLfk5LJqXFd3zdEk8cTpOp8c0Z30"
    "MQT9Boa4jjyyOVNkrrYAAHAV7i6GboFLSZsRv0p8OMHuo+8bLg88cuh1QBnAfwUJ/6M7cU"
    "wHFSBXD+CA5CP0uN4BWpAjiTiY6l1TSP/imAbIJGWkhrPUxoweaoIIIO4ikUGKc/G1gsmI"
    "vQqLbc/rGXoGObZE7ePbRsi7K2RvAc1J26Jq9d8LoekVxyicGv9T42fji7eBON//ANXnhk"
    "Zeaps6pJ1LKIzmp+LQhWL2NfZl4pDWf7eftR7LwIt+I0FehLsWu7viqNoALQj40TcntJVQ"
    "D698pnVU5/y4VBkwFfRSFNUilQM9JwvFjtBnVuj6PE7Z7RjXcSEkSXQ6rQVf019tFfg7Po"
    "bgHWWPffiiKb3GqexzY+xbcAcA9vd7u821GuCM9izFkWE0DDc5DOXbtdy93ltoC0QO7Kkc"
    "LM2dtzYC6UvrJ5y5RE44qKrB+cIbq/bkVHMjCT9nKVBlUMqHB9nHHLyggPqGBPufOOMd6+"
    "EFyqW9FaqHaZYLeaiZwMu8Q0LZRil1ohiuXYhQ4R7IqK5JdBdpuNBQ/r7HNU4wRrEM1ZxS"
    "/TJ6YXVrHkp9dt46aczDqh1Ll0AmrYyynoXrQ+h07lzam8OTlX9CPNoFJ5c98j1zmegpzq"
    "FaIdr1JU0kbhHC4u3XJ8YVSTRNKCWrt1PJPtcHPTH5t2IFwEZX1D88/+AVf5n99N/mdVe8"
    "lJGxoyMm3d0sRhT9NJHJbzfB+/wKrhSd7CL7BQixYmT1JJzKaSsWqnhXKNT9ckG59ms409"
    "Z+YOaW7mSH5+a4ZQjhTXMpnHtW6UzhoYGjxyctdto6mBwEsyawIclbQTQ5Q+V3iWhNfLvI"
    "cAQyLLDz4ulrD+8u1jmX17+zXgVSdM1QmzwNKkOmGqTph7y4FhFnvR7Jc4kcTCUq0XbL8E"
    "HnWVfuEhaYnRfHZxUSQd5uIiPx0Gz/Hwn7mWOP4hkcT4lxVWX58VyV7By/KXDnbykIU8ZI"
    "P4yOt4VBxOuL2PWZ0MFIGlIE1XvdVg+5lsrOLJYOELlTtIEqkhzO3Po1rL7h5m1Vo2i/G+"
    "DSeqf7zqH6/6xx9m91ZJ0od0r4RVXQR29hiFtOaX2lXwkGQIE/WBGrHe2ZNwsOx/o5egrc"
    "rxDHaBrEAM1BCENEai0EyiqfKsVZ61nKCqXFWVqyorsqK5qgdq/SXnjrWlzl9pmWBb0BZM"
    "kzxSbGOiUPmGag+6ZVF3oW0hM/VDcKuq5abuMulrGbLEErxqnMyv1BX1gulfy9L+sdCuZ3"
    "PA8rHaJP9KJVCpBCo5p/yRptKoBKrvketFEqjCGFfRIKIUmcwxpSVt3zsJGBIMFdokSEhu"
    "dHcVJRQGpwvinKSS2LNQ+8KS3eeUjCgoK5gg77Nqw3VijqJj5Txq528L+dTO367xquFJ1X"
    "6pOmFbVcfzoHFb0oFb0cAt6XDe8iBWPhzlbpDAtPi8uyHftrhLe1ncxMgxlqUskIUsZaEB"
    "dPsGsqRFbFWPCQ/8LlS9yPQ01qVlyDuZ+BFPG+lPjmv69LlL8wseZX7RMh+pxjqHKmOeMu"
    "bJurQdqVlHGfO+R64XM+Z9VyXTWdWLkeliS7KgF3WYJshcyOREJ0NnuqizeMCRaWGvps1z"
    "+QWCgY6rqE+yRI/gJqfq+zxb32dto6291/cRbbPF5hqTSLH3WVBpRvfYbJuBYkPmruOzKp"
    "zhrCs40TI96wo2rVvbtS4T3e+bviVk4FkSyMuQsm6NXbQFjD9ZBuX8mP4UWQWw3ndAv68/"
    "CNXuia4/3pI90maVIbSaD2NdaJ2JE8k7/tnij8+KS/5/4QP7PyFYlVnuT4st96frlvtTzn"
    "LvUd0djoWZkSKTmR24PdWX27BtMOZckvlY98kInuYHfAkSvBBBfacUf348L8QfvCxfPjrP"
    "8idhKkoFDzqORXU7xwQUp0uxZwCEu+LP8sh+l6l3NzftxDL1rpXeEu4+v2vCBGHow0VmYH"
    "HlFIpJWvnEMI9TKtQFUI9ZQTOg53q8kkTyJt214Tk9cuLYlExB/kcl4GWdPFJYkLCuLqE6"
    "LD34MqyaHlwF8NuePoykvf07ylw6dVxfmCFpMnlZgh4mDzYBhwTPzMJDDoP12DQMapcwPy"
    "YIj6ZJa+0je+yg8TcrvMr2KRJ6ishgAbs00Y0JNqEF2H3H3dgQJblxMmuTTvqzMuNijesn"
    "Tahc1ioGoNJ5nHKmF6m4CinjKvhr7BaQFen0dqzwZvYWOVNl5VwQtpIpWyTlEPWI7aQaot"
    "pSoeHMUXC2g1OX3atKSO0hyIwNrvwgs2jsiQSZacuhX6wfH+rhL7xA8XZGRE9rIpi0S050"
    "n0xgsyZx7Z3ZEfH0S35Tvq3dmRv4FstMRhJ+xFt0pq7SRVWE2TEsRkcaa1QkwuxghZhk4/"
    "F2FM7Y0lYUzhiJgnO9rrmlCiHVLFeRFtqfLRKSHrdKiX8O0thUlTA3IpT18wXXlTIgJLrG"
    "9JHnhddGJGAGVLkiZhB1kDCle9juzKVPJp0nHVLrRNo9/N5zgm7opeEKu0qmPahMC3Kbxw"
    "tmy48eWVHIGzhSMmbwolAYyMWaKJCLbBCI0hry0Vdag9IaCmkN8R1EANIUmYJVaQ+H0R6i"
    "gag0iOdgTU1ZmbQIVjfzliVgARNqHDUidUVRPSKoBBp2Li6qRYSZYHqYBAZiuXFJ6Degsh"
    "ZkPjbh2BN1Pbi+HgSqsaDZOSuUEsjvWNvDM/1FHSPXhs5kGvWLd1yDujxNYi+/ydUmMuXi"
    "QzqO8TyR26fM59KoGuHIyEKdG5EYo1AVUbi9rNhIF20jniKrYFGfnTQSXy45xQdwnETmEV"
    "y7wdUXl2SM6Ywty/Ug0vM1OcETFqhr4R5QNO1xyyN+nlMY7L3l6HmV1vJKg42QRh4ebGN1"
    "vr65e9dukttu86rVa4XJX0u1mJ3EQ6tY/m6z0U6nUERbtBDKCSoFdBGglWEof9mormFIgn"
    "5JsnF7W5HMJaqBHFcdkMMgGkrh5ZBNEiuE19rfDtQ/RdL1YAcNVIJBuQV0e1hF6HZ5t6Mc"
    "uwWCmmOLYwJceALSuWu3eehquXr+Jij/urpppcFOrpc5oB/G/Bkf8xzbZ2pKFDJ8xotxCR"
    "s+bYMEJXgwpIG1xZy5LrX9yAT5wiNwnQ/M8cgJM0RiHQ6vHpULwBuE7PZY7QBu8MSOf22T"
    "7jFYjfLJ9MyBaYWK1/qzM2wpG1WrxNOsQIlm2spQKpWhVCmGuYBXWDFUlSyrxvUIo3WVLE"
    "eO+wisQyursB2fRytzTw8sruS45oOJmyU+MJmPsZYAe42C9uTdm/njqALnxg7HaV+MJyvq"
    "o+FK8MjwwTA9lNOOg03insUc6lI+mkPwKXxm5q7Bd0HJ1CzMnS07ZUTXLeV4FBvqquqkqj"
    "r5HOSq6mRFqk6+qOv1Qf0F8RxY3HWf0CdM0EBdcaB7lAx1O6xESYLlf1JmR35bKND97ZpA"
    "97fZQPegSiPgPQHJgVd/L3+p4pDukV1/BT//d1WWrRBNbzYamd9KsGFFKO+ckRb88AW0TW"
    "rip+8htfqg6uGnOI+t3ER2qTSdzNz+8u1jKQ3wTRGpOG2GiQnFb/LA1r0p1t1xsdhLGdDT"
    "9BKDX1IlKdLuNL/XaabRaQQcyGoAJl8nEVvlkneSmAG1T6cwlD/d25/OQFfGv+eX5PxTmQ"
    "lRpOlkfs/JTMtJvDcr8CXScjJJJLPp4zq4MGjL4bEsZPTJneA/uEcW7Xaz/UK7I+pSGNua"
    "aQgpihnC49UYa8zvS5ZvFDHpBN4MXaUxb2/srdk1L1kSCEv8KMa/fSud0QpVLiSWS73P0N"
    "jTV4KFlWWJjE26rcvsLck77FGNue22fm30hbtKhWSXJPxwb9912q1ev3l9SaJP9/YtoNe6"
    "govYXzkEMQ/4gUEFedoOf24kqbay5z8fG7A3kWsHvbawXoc3Lu/wyL+BzBs/GsYiV0cUb8"
    "OcUSb81T1i6Z5P2FgyyEk0T2BHCWfIy5+Jg1E1GJqzvJEXpLSYWLrvMGLDkSTCne5qrmwZ"
    "znhYU3FIU1TSNjs4GKzx4LAkpmv7qMTJ5G6iUrvV3WUnTZAjMOscRO6Bq7sLWDhsaxFUQ/"
    "IIVk0u3GFiDchbbLkyDcoyaWXTSfLopY/QZ3tCkH4+HzteqG8QM2jRGL7WxpwSyJIIAnTL"
    "xG0lKY+nB0jPGfkkePjLgBXUC5xVWBAAd1bPNy0LNmZnvo1pI3lMVzaULx5dIjYts5TST8"
    "g9JyWpDiCqW4UE6Rpi3Spi03oL0H4XyUfZlVA4GYaTWLdhzwCBpLojgZ2Tmwyb+DZgSpRB"
    "qiBYOEA3xKmSE5ln6tgeTsXzAI9lZ+HYMugTtTdtb3KHd2rijSo0tPaU3hgNsvVZjrGhKJ"
    "zsqMUnRrGGJ+ZkMmO3XVpEg0rO7H6x7MOfw5DBICuIgNriYZMSfq+TbdyUW68tkTscmS9V"
    "7Wep8gyPxA69S7eNyoTYIpgqE6KyUa0qE6IMK3YSlKLC7CWZEyrMXoXZqzB7FWYvj8ilou"
    "xVlH0eC1SUvYqyl1NpVlH0EmsbKgT+MCHwqgZY/vpznNWgitQAO2gNY9n4vJPwlgNVgJUU"
    "2w1KwBboxaQCC6RwbMY8wRyHZtJPXMiRGTip4eeshW8Oi7kw8yEqUgE11lb4EU7g33Sp07"
    "zjiQBnVdn0sB7HiEllFNmIdo/GUmZdE0S4FlroQsvcVaPdviT4bxkFdstWhVih5aI6Voxk"
    "I+1qj8kB4SOH3el++yv43jLqsd50rCdQfdWO7u/fi7Fn3+oXsxxomH8i2kw2TSh9HDnjXZ"
    "DMccImD3GdedHM/u3Elh+sae9eZ4fzZGKzr6FuWS+8MJUm6vy6v9YiwVOIGJPjNBXwmO3a"
    "T7KJZ2wjj9iedB3lElvl4Jv/AQHaFJtOCSKZGS2HR8aZ+UMnL7rr+RkVI9/j2tW7u7pqNq"
    "+b16JC7JIQpkP08d6+bXSDWRB+uLffN1ptvCj4i+IuTKc2O7T8eG93m/1uC4+FH8rMmu07"
    "NwOvjOZSANTzKWfbz3Xq8EhVBnnasROiZFDLBMm7DMAJUgVwGuChiwK+pw31qT8TA5hHqg"
    "DOA9iloxm8ThmA46QK4GwZA2dIPQ9+UkNvlDYRca3ziZWLPQszdV3Hhbnu0wfHLV1UK3sX"
    "mcNI+t1Gp9cCMR1Ug+gjCCg3nT580G5v2q2rf4OUkvh+b7dAYmi3rrVW5/YOKBNfQQDq3v"
    "zaum52tcZd/yMW64p9zRN+gBvNbgelpuhTGfGnUDT9mmD6bCy98jDnQ19dD7ME7YclW2u3"
    "ZtD6A0McRV33cSqFacqsEU+YFAOWQ6rQTZdNE66jEiNRcSbr40xmnqqi8nx4SWxAFWnezB"
    "bLLaB6u7rTUc78AmE78X2lQOvmA3UeP1J41zYe5wMc35C2gHElK4ekYeZs4lI1xG5MTeBY"
    "jRNUFZ6prwuo0qem9kgXuw+fUjFPB415Unp2LuAV1rNVN+eqcT3CaF035yrW/wgaz2K5w6"
    "hr88hxWbHdx2CLE28+WMQzv671ICeukZuCvy6WiO49974k9IAyAD8yXc8nQ3ghEBOo69VZ"
    "dV0bG6hgBKYnh0vdo7Bn+dpY98Yi3EiRbYclu+gHUfv4uXH1Q+9j4+ziTVQ5fD52LMalOh"
    "nTb2X48KZInuqb/ETVN5lMVW/oTHm5FvlxviuK402irAVidw9fhTzp1owWnBb7juql36Ym"
    "nC4hHCQpj6dkeJeOWG1w1nrDH2O1dng+4tg/s7vBPbG+HAlfb2OuSS43ZMVFlz45j6XExS"
    "RlBUbE98d87GKDyXFl2J+mPZ4B0Bg4M043HzYoTnyH7a0T0575dPMcgGMeEoYB9+Xs5fni"
    "FJdY6lANYPXQMrG7U/jEgXAVdJSQQ6RSfQdU3wEJbOLP9x04jC38F2dwM/MHzrcaxxy+Ol"
    "kvmGKMvhVnRfJsgeQGAQpcNFw6dFwDthMT6xYzU4VOxrpt/OCggAn7iul7BHNJQakGzs84"
    "hZE3udm9fW83MHMNOxLNXdP3KVPScTeDd7A9PVB0QuURFHr7gQZLHSZkeUvjCj7CiR6mZ4"
    "WW4Dr8/JwOxo7zSFiN8Hs7eERqvCTwWGFTHgOkqCFld2EPBY8M0pX+SO3ozpfsA5qsBzrC"
    "aTs+6VLD9Opwi6EJ4MLGDI80mcGO7M7sV3BWN/An7u3opViDrMGCfP0KM+7JHFLvlWmPXP"
    "0Vtll4FTDv69f8CtFRPi9akdKFoX+rGXA9pnAr54WkCdt8nPefpF1S3MDpFU5cZtM84Q1i"
    "WLc+wTWv8IqiLaZ3LIaENtei4z68XH7hI8j+NaJ1EeAHzuAyulqGT/yo81s9WL6C5JDFXl"
    "OEdR+r5/Jy6HPD1OMk0mYA1D5G2xpsFa4Je4jnwF0LNubedrx6uPpnMH6mn96S6ni8ZrUv"
    "qADrxEAwQaaY6AvAfwFb/wMceAm3dOZ1gtWaQfYYsX/hd01r5lLsczu0dHPzxO3jVI9ZOo"
    "KwXrykklkh/jJesCWOWURWAicyPsgkEk4fuLgokj9wcZGfQIDnVAZBtX3ceZENGb39MErm"
    "l0D3aQQbao2jaaauKKpuhkqVFt+qi3Xlub3p9YOeOZE4whSxeaDQoUF7BEoiv/mOAG2RIl"
    "nRTULrQPguYSkspUcdVI9KMENwsUzTVnC5PJLlsZBs4vm6P/OAf7zyK7lKQopKJbFmlQIU"
    "gu3hQixHOEmkYM3JDRYRo49Bgi6OZkJMvnhdJDYNrsoVk9m5VFMw+g3L74NWV2LxzxAfj4"
    "OXabaoxeA7kHAXQ7M46OnkpOPYFLVbMnHc79HDm5LWigpgKTL5DXuH9SpGcG3BsRiqFtex"
    "Ox4nws/6GFNjTCY3Y5oJ+SpgnE9COmD49iYV0AKZM4657hz8ZhtTB+C9jPQ6asDyRyyK1h"
    "x0zdUJrugmc9SB9ucNx9SYWZTMbN+0MBrGmw2HlGKPVZc8wB08Mpvydci9/TLXhxf9XjhS"
    "2MMs6ywnlNPUlekqzanT6QQ7j/6pVNgDq7DVD4BhPqhoJL7wgqQHchJ0PkaDHgovLFDaQM"
    "e36e/V87ScXCKieoxGapdsuPj+YBpBaILHzF922HVaX5nzDu+BDTBlMApzIqKSmRclVaft"
    "A61K1eyorApsphk48w1TwdUSW07Ysh3ESbFZxtrW/0lOMC7K9UgYQwVHV5Jd0WCObVe70x"
    "eWo3MG85r6+yuS/SfmHGYo7yTlJrCv8lfs5yvfraj3WLz3ttm5bnU+CEqJEdklCT/c2/xi"
    "vsnSvWX21u3nD1Y1uuZgxl1mPgwhKmt9TJIfjf3xu3Q+sRCXch4oHqnEu/4B3VCVjj2SyX"
    "OiAozy0a9WgBHHM1KK72latVvJvFulrL5FFfwUmfyGxcP6wCK4tucDa8bueJwIP+sDS42x"
    "8q1PI+nZch6yDBDpfZoNbawI9DttfpoesfkOw/igFnIYRkOloL+wQe66baJjZrNLdO+RGv"
    "ARcwlZOCizYOHXOvFgasLJuemPmU085pkICuaQkx7MVwMwIuE7eC952Yw7/70i0alxV1Dc"
    "+6e8eqo6oZzrVYVFbFWdsGpc58jbmeqEM9cSMVmEl1fQV3n2+rxId0C8bE1DlfNMj8D4ww"
    "kAnSKrXG/TndiGAsFFxJW2ojjiEndNFu/FEASpDD6CvFWwQs6+XW7URsQ4Utw7x7Gobucp"
    "90uqFJsGQLYr/kSy3X7ltnc3N+0E7O9a/RTYd5/fNbsnp4wHcJEZaKCcjGnTY7hpsH15gs"
    "tPllRi+zTLjZ1TEj01Bi2GweSotKCWU6pUw04WqUBvEmHGikLmfbc2H8ODav/A6jFvzv95"
    "yXRHL4zWisdcC7uUC3HhdA0XTrNcmLr0yXRmnibODg6pzHOj55uWFTJjGdIrVFRz/+zQyl"
    "dDXX8nZfuXRxfJqqAD3UJbs2YBmT+GG48dS6S/ai69xD7rqCnsq9jDkwHFf1kF1PBwwZm6"
    "Zb92HFCULAXlNh75HgW45ZENuYF1SJlcjZn4QcEhdpLVUMMyaQNKQYbXh49kNoWVtjC79i"
    "MGYoUQ7Ie7fDCR5TRDfDQraO09K48f1EdZphqy91jVUWGpLd53WFz6uwmkrvWoH1ZpBIXg"
    "B2c0WjoxsJYGZkgFccInH8LHbdnTmf8q9OS8vAyKGmJRx5WxYF9h2dXPrzmsG1wVmC3k+N"
    "6kwGwmhsfkNaEo4fSuYNLtTr3eDYB+OK5xnN3hmfraznSra6TpS5erB3AXP47QH471zTy+"
    "0oep5jt6sbKjoF8iRiKzMaqsE2gXJfFwUgkgHF5eQXR3YjmCX/S5mmm+0ydGovKnBJ05GW"
    "FqnzUf/v5/iMh7Jw=="
)
