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
        ALTER TABLE "playground_gallery" ADD "report_count" INT NOT NULL DEFAULT 0;
        ALTER TABLE "playground_gallery" ADD "like_count" INT NOT NULL DEFAULT 0;
        COMMENT ON COLUMN playground_gallery."hidden_at" IS 'Hidden from the public gallery by an administrator';
COMMENT ON COLUMN playground_gallery."report_count" IS 'Users who reported it';
COMMENT ON COLUMN playground_gallery."like_count" IS 'Likes (one per user), kept with each like in one transaction';
        CREATE INDEX IF NOT EXISTS "idx_playground__is_publ_2fbd25" ON "playground_gallery" ("is_public", "like_count");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP INDEX IF EXISTS "idx_playground__is_publ_2fbd25";
        ALTER TABLE "playground_gallery" DROP COLUMN "hidden_at";
        ALTER TABLE "playground_gallery" DROP COLUMN "report_count";
        ALTER TABLE "playground_gallery" DROP COLUMN "like_count";
        DROP TABLE IF EXISTS "playground_gallery_likes";
        DROP TABLE IF EXISTS "playground_gallery_reports";"""


MODELS_STATE = (
    "eJztXXtz2siW/ypd/BOniknFTpzxera2itgk4YZglkdyZ4cpjYDGaCwkriRMuHPnu+85LQ"
    "n0hJYQ0ChdNRMLSacl/U6/zvuvyswcU91+1bepVbklf1UMdUbhIHS+SirqfL45iyccdaiz"
    "GxdwBzujDm3HUkcOnJyouk3h1JjaI0ubO5ppwFljoet40hzBjZrxuDm1MLR/LajimI/Umb"
    "IX+e13OK0ZY/qd2v7P+ZMy0ag+Dr2nNsZns/OKs5qzc/1+4/4DuxMfN1RGpr6YGZu75ytn"
    "ahrr2xcLbfwKafDaIzWopTp0HPgMfEvvc/1T7hvDCcda0PWrjjcnxnSiLnQEo/Lfk4UxQg"
    "wIexL+8/Z/vFcL3KYorYee0q33FKWSAbuRaSDumuEgUH/97ba7AYSdreAD7j7VOhdv3r1k"
    "EJi282ixiwyuyt+MUHVUl5SBvkHZXgz/pMDaGNR3U9VKhjpAEsEbXvcwSPsg8cNa6U0p+c"
    "e3HvkDXvcPMtJVbVbhwrkyU78rOjUenSn8vLq+3gL811qHYQ93MfBNGCbu4Gl5l67ca8iE"
    "Deh0pmp6FsjXBLkA9+Bc4+3fsgF8M6zzI87dkcMAv7l6zQEw3JUKMLsWBnis2XNdXSnsdw"
    "aco3TF9G8evCsZp41Kd2ouDeKYxMSJlbDJ+hcyscwZgRNw4YkaL2yCX1IlBn2GezTHJuue"
    "lJVPNzxsuknn0k2MSZappzCnbixmjEENeCHVGNEYo3zaIzJo4S2YWZjU79Y7t4w3A6N2/6"
    "XRuiXqeKYZeRhw+Y6DAZfvUhmAl8IMGFl0DH0izoOG4SSPjwBFBHl450Mh/zrryJhTY4wP"
    "JENVx97zC1H1pbqy2cCwFzNiTtihTsePHk938+IRX/enq8u3P7+9efPu7Q3cwj5pfebnLe"
    "xptHpx7BEmRU1Yeu/hiqPNaCoPApQRNow90lf+waGYcsj1AT5w/GDoK2/p2oJrr/Gl3u3V"
    "vrTxcTPb/pfO8Kv16njlip1dRc5eRIfIuhHyrdH7RPAn+b+HVj26m1rf1/u/Cr6TunBMxT"
    "CXijoObFr8sz5qIa4v5uOcXA9TSq6LwnUfowDb2dujWDN5Cmy58cRQHT0tVWushK5suoc7"
    "ISnUAKhowrz83qP/8LlDdZUhHO8Mnnx3x6bqJmuxDg2uzrBP/O2PAv/spm9sQJtbJooje8"
    "LVdlspK0hD1RlNlT/N4Z4wvcd2/mEOy4qTNlMfqZKyLcoCVAMbqkM7ZUXKohNqUdhdKQyz"
    "PeHq+K0x3MqK2aOq69RaKZpDZ3sC9tFtqgEtlR0tXXvat3t5aDWhpbKjZdG5ae07e3l4dV"
    "hbZUXMdlY6Veawz6P74tXFptqspbKitbDZyvhMjX3B6mNLdWyoTFjh/t68MtN2/PFLs6tZ"
    "9IxqADJj79n4pNS9fIJBJ3HDn27dcVU5ykYHclArz29Mfaa4VpqABgNu+22zlaj8Lq1BJ7"
    "UGqTNzYSToJlIVghuC4+kDcxiD7qaq8Uh9vZ8dVRCSC4M+wqz1TMnEtIhKpqY+fnkaxeAU"
    "b4LR6qgZ2BAmElc1G+aDp00mMGIQ8NPg/QTfl9cK4dMezwqRo+93Gx9b/fYtcf8OjI+dWq"
    "t3S9ifgdGpd+udr/Vb4h0MjLtau9fvwBnvAO/50G/d4y34VwzbhTdyFXXiuMsX50iJ0Yk8"
    "b/ErTwseFJsVOXFkJEMbIhLYUF35NlUdosF/Nk73VUJfPb6CSZ/pyMif5pBovHNRqJO/e8"
    "vRyd+9Te3keClixg68dwZGRMjENWLndBm4fs1ji4a7UqFm18JYa2M6m5sO9N+V8kRXWfBO"
    "IBXXMSYn5ldcmF9twfwqjrk0gqajf57mMC4j6EYS5JXnAiRFCnVi6BJyyHAx62IY3Ti0H0"
    "yLao/GZ7qK7WjTlDRUoE3s3uoZOG2py7VeIdih4Nvhi6nDvh52wb1O4w72Q+n22kNqenwz"
    "ZIJ+J2ChTNfqoPfaowUy+VgJ2kUPrNsxl0aqcid4DV5pRG0b2leg/zkLWyp8TqzwkSvwD7"
    "kCSzekknE9zQ0pyPWsztDHd4I+mjRzyeV0frnF6fwywel8m7Teo99TNFLlk9a3jZn6P3uh"
    "4eIjevGl9s+XoSHTfGh99G8PcOCu+fA+ArwHjubDltjHd2tzE5oRWYuF2Ci9B6Xxpfaxfk"
    "tCPwdG/b7RuyX478D40m/2Gkqn/qHeqbfu4N7IiYHRrf9vv97qNWrNW7I5dltRghcjJ/Ko"
    "yd5cccV7bAn3iOuC0bnN1v6dwPotiuAg0fG0wJeHmuAKVgHv8I74R/ehlRIeFiWM7hK0kU"
    "P+Q3TNPhjGgZ35cKHpjmbYr/B5WTfnlcbY9o1V3gdhMMeYaAac02wy38hke02LiOb2aTE6"
    "A0a2B9hAdFqMS1s5J8bEho64TjXum/XMnAOaW4L/DgyYrfr1+1vi/h0Y7c7DXb3bbbQ+3p"
    "LN8cC4e/jSbtZ7eOv6cGB8qDWaeMr9K4b1a0YdFWW6LOMySCPGkMTHnkJePshoC+o5eLUW"
    "Id2I1Gtu1WsyrKRic5diM9ilQprNu1r3rnZf36bYlOECMlygdK7vggW/i+xrey5QHdIAw2"
    "Ys1rUSTDCbi1VOI4w7ka47/U47TOXBQFHDfNbG1CIj6OkofwR8U27hB+7EdUrY5FMlzGER"
    "QYLdG/CZgJSCNIs5Jge4vH4V3bEe6BEJdqLfNuuItyIhEArrTq7lJ2RFCgophmZPPSOStB"
    "Cd1EJkUQxGhZ2CZc4Ul3+ZcE+j34MTx1KwgdSPL+yK+iaMGvdb7L3F/Z3sCHTyzYiJgZ6q"
    "2woTSQ/HBPUWTICzeYL5K11Pv6EQ2SDCeq37qjBNw1wNM7SrvvIm/Aumn/PUWQQWMR1GJ6"
    "ev+7EV+6hFSYsuTe38YSKp2I0pdilNmMDfa4+piPoUubAUbFPpoflfV1dv3vx89frNu5vr"
    "tz//fH3zeg1r/NI2fN83PiLEoa6cpEzfR/96EqVru966b7Q+ZtW7emS3xDsYGJ1+q8XOeA"
    "cDo9u/u6vX71Gpuj6M6lkxDqF1V2+yU+tDMbSvqgPr6zxT4qQgibDhOSebkqhlmZYygq9/"
    "NK0U1+vdwyTeitDm206t1W3UMRRnfYgmiFYPDpT2Q7Nx9yvaIYK/B0YD+mWzca80Wu0+UI"
    "Z+MsPG18Z9vaPU+r1PzLax+Zk8oLDFXr3TQtuuf5RnkHH5U2xxp4h7U3jcBOk6uT8kj7Mw"
    "lcD8z+m4UnyMiYvYjNq2l3iDdz8cIywD2sfe4QZMq+gwpyTpRlMXlWTiEu3SCltg1LmmgM"
    "Azh6ck9PF0m2mUbi+7qWAYn8AdgUmgiqPaT4lKpPRpPYlW4OnGF8LZO7+wCb41iyxnmiSm"
    "U7r4pj7T7hwkq5dVYjumRcdkSOEeIDR1HRmXZ697dcPl13izxa/xJrpChMG3dTObP1AK+R"
    "kMpUoXXpZ4Omo3qy58AvDTXDjzhWOTmco04MuphrpyB/io6TqZqjaeHbqcBL5ewKhYzOj+"
    "SpbDjkuLApi2k3dohslFHp0PC4toY9fq4b01enRNdO1x6gCfVYeMVMMA3g9R54u8AybWrC"
    "felBCHH5PQA0cmLPkL48kwl5n8jRNIRWZWx2WQDaPMtCnx3p4sYZB5X0AuoIvb2lBfkaGG"
    "A+4l3EvRQ4+uyJLCjMoUoeqjypt4+di7QBBorXzxGGHKAuIxzmeTInj4RTzqJmjVzMjmCK"
    "nks8h8ljF16SvjeUZXyZi6H5HrPDF1UQcXXq+IKJ30/t3u/bvGKw5yZg/gEjqlViNewNHu"
    "ld8T+CQermJuTk7giIi9NM0P0evBGdwQfX9uPi/EP/7wufTHH8xN8JapQDA/FkjOFh2ZFk"
    "jFeAqYtADJDCZ4uM9CDylWakgbv0x2Piys5USfw6AHfDQzU9zpkDd1hZ+vAs97UV8pVDKz"
    "hRB+i3IXXrb9mNyF/4hc59mFz1K9BHZ7jcz28RU4mlOnjPU/X086N+w44+pZiQYtx93oXC"
    "ceYC3c0u1t3Ho2Z9Jc7dq1DnK0+asSuJ5w8nBOecX7C7k+z1ktkyk+eWeUo0Bce79qwZHj"
    "1ZDm5kmISgy25IlTr3S1f0PLI0yPb1cJulBXyTpDMpzxHPDhf3jG4/4xJQfh4VIbw3CNsS"
    "/VI2l9v4w5SUztjwbmDHBuCCSeSV71MMQUR0tKC8C5HQg2cMQdwdXnrLNJ29JGlOCrrotY"
    "eJmLsq68PA6k6f6jMfdRx3RUPXuQTpRM9u+kGsGwPUGl7Tg7vkmkMu4gCvBE1fQ86MboJL"
    "QJ9a3RZoDes9R6Too421VkPEQqAU4DeKTOnYWVC+AgqQQ4vQeDRDDO2YM3pBLgWNQXpiVR"
    "bPqvDMiGaISFtNJFp0UsLAZb0OFmz6artkPmi6HOnLkI9fOyHB97AaqdCGbkPUK5E99Deg"
    "LvQa25pSWV2ttWXymRXGDwK91PtZ+urt/5/d/7ghc22ah5qixDAdV15oztWCuCmULYj4Wd"
    "S8IpPkbO93HPwq0gTQlyOh9ary/DEKUD+rlxQmwrqXRA/1H5LFPRFpyEK+zwxQtpmEqCGt"
    "sNBxPD7ZFT7jzSyR0Z3WAW/ozoJpBKdGVu6mPkpk6YdAuANVA5r6TIhpea3dgGh3gBAHex"
    "ufa6tbOcEXZinDAthoCG9yCtfrNZSV3lCkA6Q+zKmcKcsLanwMwVvrJ/uvFQ0ueSzB8JXf"
    "R4mf7PpGOG9eUyDIoPKG9+XNiFdCh3Tenb5+hvzwWXzPS/FapMAXah7ChDMyFhto/ng0F7"
    "JvzD2Qsf1s2VCNasoYgeCGnRiBuMMgQkbvi0OyQRU2q599+6pQqoTZaqhs6zXralqYq2dj"
    "/hNUYTsvDBeAxi/qYGxsCoEctcEg1ILM1xqOEWg6OArGrYqus67OYQYnFkbsSiW1zhwrTI"
    "cOWZwoAtI8wbpWLeKNVyXhJ4KHE3OmNiovUYbhwYbgwkSyqlPrlpbdzm3KhJDIAbqogYJi"
    "zqwBJlV6GVkTbGr8L3mC1sh1gLIy1kMhYTOYYbZOWFk0cwljXNcOUTdPSfzGdqQZfGvT6x"
    "TWjV4rT1FuwJ4XX2GMbb7SEbqvOJFKx8w6xYKhkjmNQiMxWmImtFLlhmrJfQpLmsElgR4Z"
    "o6Yf8S9HRcWBQrwIx0VZvx8ahMxhT02VGYkTneR9Kt/2EqgU3S0ClWG9+kqT8yieviyjkk"
    "w64z19c8rjPX1+muM3gt5owno7lT0D/PuF6eaG4Rs+vs3nuch/UiXXsWF7q48vD4QlXxmk"
    "wheXCIHDx7JYzZaJYSZLSQ2olLQotovPhyxngOflghG8lv3WwtBibLrbJjP30nijrLKebm"
    "1ByUpdwMyMnpYopolEfs2ZYKJspMr66fW8lue04YKUXJPDBy53DknYPMA1M2ricIaynZGL"
    "NWS4xQCas3OVmgDubsz4xqmEhYUCtt09bYCrfUnKlmuJsLh85e2MRzZzg+4DKf0Q+Tz6is"
    "dUiFDXWYaIaqK9lhj9KJrNPbWQPWtdLbgpd/dT2u2K/EyXCb+6pPJTCbcsZeXXLlzrrckj"
    "zrMp49yzYX1oimZkJIz9cUIxQjZVOeTFqVjp+eyVU02OSi32miqoHARzJtApwVtIqPnw6G"
    "e5R494u8hvi1X9BCCK9LVJt8+/4pz7pdfA1YWUVZVlHmmJpkFWVZRfloOR2Yxj5rNocgkc"
    "CbpUrXXX4JvOomnYCNpDl680Fs1C6UC0vPjr9HJDD+eTerr694sjHgbelTB7t4ysSUokF8"
    "5nkpSw4nNO9gliIGSoapIEpXvtmg+MwsLIPncOVkSt8XJpJdON6FZVnyo8Asy5LHMT624s"
    "TNHzQCfB5NK2XrvFu4jLci8Oxd6XVqrW6j3urdkvUhiIoPrR4cKO2HZuPuV5AXQ78HRgPg"
    "bjbulUar3QfK0M+B0e48fG3c1ztKrd/7BIJr8GeyGIot9uqdFtpm/KNcm/nCawl43Ey1wi"
    "WPyjCVwPwXZvWWSb9OaV7xspRmWNkDFMKqXyp37kuSEQzURzomE9MizlSzXaU+5wRT8EIv"
    "gCPz+XT2DFlu0FEjI6QBEolmGE2ZN0zmDRMTVJl7SeZeEhXZrLmXTlTKWswVq6AomuieoC"
    "hoOdP+nCm2ga1Q/gLhj6quU2ulFJBp6aPbVNlyLWVKYpIx6GvtssQCvCoJkV+RO6qc4V/r"
    "UnUB166dMWDpWO0TfyUDqGQAlZhD/kxDaWQA1Y/IdZ4AKs/HNasTUYRMZJ/SnLrvgzgMZX"
    "QV2sdJSGx0D+Ul5DmnZ8Q5TCWwZQET+liULCmZUMxiNsa4d8ybWiXaxD+Xz6L29obLpvb2"
    "ZotVDS/KcsLlcdsqO54n9dsSDtySOm4Jh3PBnVjacKS5QQDV4m5zQ5b8U8Xpy4IqxgRlWU"
    "QDyaUp8xSgxSvIwhqxTT4mPPF7puxFmq2wqqOjpIuhh9jKRH02Lc2hu25NT3gUe6KuPVHo"
    "MgtDKvOkMk/Yqe1M1TpSmfcjcp1PmfdDlQBjWS8mmoUlttmL+2GCXu51lYzM+arK/AEnmo"
    "61h/eP5c/gDHReSX3CKXoyLnIyv8/O/D5bC0cfPb9P1rLRbKyxHSnW8nYzzWCBAji7AMGG"
    "LC3TYVk4vVHHOdBiNdg5i7BvrcIe8+53NEfPpOBZE4jLkLxmjUOUuQ++WQzldJ/+CFkJsD"
    "62Q7+jPmbK3ePff74pe4SNKkNoFQf6eqZ5Jkgkbv9nkz++K075/4ED9n9oY5Vnur/km+4v"
    "t033lwnTvU1VazTNzIwImcjswOWpul6GjTFjzq1b/GcCb/MTfgRxP4igvJOLP2/ecvEHb0"
    "vfH72N8yekKoo4D5qmTlUjRQUUpIuwZwiEh+LP+sxxp6n3Dw/N0DT1vhFdEvpf3tdhgDD0"
    "4SbN1bgmJIoJa/myYR6klKhnQD2gBY2BnmrxChOJG3TXhPe0yYVpUDKH/T8KAS+r5InChI"
    "R5dQlVYerBj2HZ9IxQtTTOyahgQ5lF56blZGZIlExclqCFCSvAmcR9Z+Yechqsp9p4TI0c"
    "6scQYQHaxyNpoj6x12auOG7iVbZOEc9ShCUAVYOo45lmaAi7Y3LWPjtf5WRcJx22Z8X6xR"
    "bTT5RQmqylD0Cp4zjFDC+SfhVC+lUkz7EFIJulcvm5whtbW8QMlRVzQigkUpYn5BDliGJC"
    "DVFsKVF3ThBwisGpw9oqE1JHcDJjnSvdyczve1mczJR11+erx4dy+AvbFbzNCVGjkggG7Z"
    "ILrBEOizUJSu9Mj4iXXyYX5Sus5UTHt0BkMpIke7z5V6oyXFR6mJ3DZHSmvkY8HmYnS8Qk"
    "Go+LETgDUxsvnAESCed2WbOgDCHlTFcR3bTvTBIS7bdSiN8FaWCoChgb4e310zeuG2Eg09"
    "Y1II/s3rzW/A2mS5W6xXS9DkKqdBvLnVn0WaPLsEFq25b2CM/btdH1rDSJm125pz3pnhb2"
    "bXaSM1u698iGQlzHkZw+g9dcbiDXW7xAruNOIFJqSEdfSg1SauCSGoIrSAZII2QSVik9nE"
    "Z68DuilCB2wRoZsiJJESxvZpsFYAETKgliROQOXjnCzQTqVS7mlSK8SDDVCwKDbfn4ltDv"
    "QKWvyHKqwblnatlwf9V1VGNOs0uWKMXdv2NuD1tzVlX0XBuZs7lfL960xtRKkiSO8sxEaS"
    "KWLt6jS1Ceh2L7pPpcGFHD6xlxqFM9EgMUMiNKYi0r1tOzlhGPkJUwqc9BComvpxz+Dhwk"
    "EbkHVx5w9sUpGX06A9Ny1fX0fE0u8IIO4pq3BvCGPRbc45cpicE+6KaalmktLTXYBGnE4U"
    "ERs/P9Q/99s07anfpdo9vwgr/WYjG7iKc2vvydeq0ZDaHwl+hMKIeoJNA8QEvFUPq0UV7F"
    "kAD1kkTjdlGezDmygZxXHpDTIOrtwvMhGyaWCG/Vv52ofoqg88EBCqi4nbIAdLuYRai9bu"
    "0s+y6HU3NgcgyBC29AWv1mMwldJVXO3wflr5tGSw12eL5MAf006s9gn0/QfUaGBJfiM5iM"
    "K7Pi0xgTNwUPujSwspgLy6KG46sgX9gE7nOAOTa5YIpIzMNhV/10AdiAx26b5Q5IdJ448N"
    "P2qR6D2SifNVsbaroneG2/usCSsn62SrzMEpQomiEVpUIpSqVgmAp4iQVDmcmybFz3MdqW"
    "yXJiWk/AOtSyZtbjJ9GKXNMDkyuZlvao4WKJL0yWU8wlwD6DU598eDV/EFXg3NRMMNrz8W"
    "RDfTZccV8ZDsaajfu082BTdstiCnUuG80p+OS9MzPX4LfgzlTj5k7BRpms85Y0PGbr6jLr"
    "pMw6uQtymXWyJFknX1TV6rD6gtgmTO6qQ+gzBmigrDhUbUpGquFloiTu9D/LsyLfcDm632"
    "xxdL+JO7q7WRoB7xnsHJLy76VPVQmkR2TXX+7j/y7LtOWhaS8mE+17DjZsCMUdM8KC732A"
    "sk9O/GgbQosPMh9+hPNYyi3LKhWlE5nb375/yiUBvuPZFUfVMIFN8bs0sFV7jnl3LEz2kg"
    "f0KL3A4OcUSXjKnabXOo0VOvWBg70agJksk2Sb5cItCcyAyudL6MqfB8bnK5CV8e/bW/L2"
    "c54BwVN0Mr3mZKzkJLbNEnxlKTkZJhJZ9XHv3uiW5bBZFDLa5C7wH1wjeavdFJ9od0ItCn"
    "1b0caZBMUY4flKjBVm9yXrL/KZdAFfhqbSgLU38NXsnpcsCIQFfvDx79hCpz9D5XOJTaQ+"
    "pmvs5auMiZVF8YwNm63zrC3hFo4oxrQ7ja+1XuaqUh7ZLfEOBka/1Wx0e/X7W+IfDYw2oN"
    "e4g5vYXzE2YjbwA50K0qSd5LERpipkzd/tG3C0LdcBam1hvg57mt/gkd6AyAs/KsZ8U4fv"
    "b8OMURr8VW2iq7ZDWF8akwt/nMCK4o2Ql78QE71q0DVn3ZDthrRomLrvNNuGMwmEuzzUWC"
    "kYzqBbEz+kESphix2cDNagc1gY0611VIJkYhdRqbRVa11JE/YRGHUOW+6hpVormDgMfeVm"
    "Q7IJZk3mrjCxBeQCS67M3bRMSt5wkjR64T302Zrghp8vp6btyRtEc0s0ep+1N6cyREm4Dr"
    "p5/LbClOdTA6RrThzivvytywpqu8YqTAiAK6vtaLoOC7O5LGLYCO7TFXflC3qXZBuWcUrh"
    "B+SRg5JkBRBZrUKAcI1s1SoCw7oAaH+I4KP4TJg5GCYhsG7PmgEZgurOBPaE2GRYxIuAKZ"
    "QGqYRgYQfdE6dSDuQkVUdxOPHHAZ7LypKgy6DP1Ni3vEkfW6pjQyXqWkcKb/Q72fYox0BX"
    "zBzsqAQHBl/BE202W7Bm1xpRN5Mzay8QffiL5zLoRgUREFtsLFKSXOukiEYT87WFYod99a"
    "XM/SxUnOGZ6KEPabaRkRAFgikjIUrr1SojIfKw4iBOKdLNXpAxId3spZu9dLOXbvbibLmk"
    "l730sk9jgfSyl172YgrN0oteYGlDusCfxgVe5gBLn3/OMxsUTw6wk+YwFo3PB3FvOVEGWE"
    "Gx3SMFLEctJulYIIRhM2AJTjBohu3EXIZM10gNj9NXjjbiM2GmQ8STATVQVvgJLuDfaKrT"
    "tPMhB2eZ2fS0FkefSXkEWZ/2iMpSpl3LiHDF09B5mrm7WrN5S/DfPAJswVqFQKJlXhkrQL"
    "KXdHXE4ADvlb3qdL/95f5ujKuB2nSsJlB1U47u79/52HNs8YtpDhSMP8laTDZKKLwfOeOd"
    "G8xxwQYPscwlb2R/Mb7lJyvae9TRYT5rWOxrpOr6C9sLpfErvx6vtIj7FlmUyUGaEljMDm"
    "0n2ccytpdF7EiyjjSJbWLwtX/DBlrLNpxCRCIzWgyLjLlwRmaad9fuERUgP+Lc1e3f3dXr"
    "9/X7rJvYNSEMB/9wYLRrHXcUeAcD40Ot0cSb3L+43YXh1GSn1ocDo1PvdRp4zjvIM2qKN2"
    "66VhnFogCo7dCEZT/VqJNEKiPIo4YdD6Ux1TXYeecBOEQqAY4CPLJwg28rI3XuLLIBnEQq"
    "AU4D2KKTBXxOHoCDpBLgeBoDc0RtGx6poDVKmWUxrScTSxN7HGZqWaYFY92hj6aVO6lWvB"
    "WR3Uh6nVqr24BtOogG/iFsUB5aPThQ2g/Nxt2vsEsJ/R4YDdgxNBv3SqPV7gNl6CdsgDoP"
    "Xxv39Y5S6/c+YbKuwM+0zQ9wo95p4a7JP8qz/eHypt/iTB/3pZcW5nToy2thFqD8sGBzbW"
    "EKrT/RxTGr6T5IJTGNqDWCAZPZgE0glehG06ZlzqMSIJF+Jtv9TBa2zKKy270k0KF4ijez"
    "ybIAVNubls5y5HO47QTXFY7SzSeqPH6m8G4tPJ4McHBBKgDjUmYOicKcsIgLVRC7Ri1tNK"
    "0kOFV5V6rbHKrUzT2HdJ7K5PGUro/l1F95bNzP00l4xUqOlArpdrj0nAplsMJdXV/zKC6u"
    "r9M1F3gtvHXFQZUBYe/2EqJ7yVXH7XJLHbfLeB03eKJDk3Ipp3uJBUiOH4NzGtGgMHevmB"
    "BxzMXs7/8H+P36dg=="
)
