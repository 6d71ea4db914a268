from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


# Edited by hand: defaults for the NOT NULL columns added to existing rows, and the data steps at the end
# (SHARED became UNLISTED, a version row for every existing preset, the built-in starter library).
async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "playground_style_preset_versions" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "version" INT NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "description" TEXT NOT NULL,
    "tags" JSON NOT NULL,
    "prompt_template" TEXT NOT NULL,
    "prompt_suffix" TEXT NOT NULL,
    "default_mode" VARCHAR(32) /* TEXT_TO_IMAGE: TEXT_TO_IMAGE\nEDIT: EDIT\nMULTI_REFERENCE: MULTI_REFERENCE\nSEQUENTIAL: SEQUENTIAL\nEDIT_SEQUENTIAL: EDIT_SEQUENTIAL */,
    "default_size" VARCHAR(16),
    "default_aspect_ratio" VARCHAR(8),
    "default_resolution" VARCHAR(4) /* K1: 1K\nK2: 2K\nK4: 4K */,
    "max_images" INT,
    "reference_ids" JSON NOT NULL,
    "default_intensity" REAL NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "preset_id" CHAR(36) NOT NULL REFERENCES "playground_style_presets" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_playground__preset__971945" UNIQUE ("preset_id", "version")
) /* One immutable version of a preset's settings; every update adds one. */;
        CREATE TABLE IF NOT EXISTS "playground_batch_presets" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "version" INT NOT NULL,
    "preset_name" VARCHAR(120) NOT NULL,
    "position" INT NOT NULL /* Order in the composition, from 0 (the lead preset) */,
    "weight" REAL NOT NULL,
    "intensity" REAL NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "batch_job_id" CHAR(36) NOT NULL REFERENCES "playground_batch_jobs" ("id") ON DELETE CASCADE,
    "preset_id" CHAR(36) REFERENCES "playground_style_presets" ("id") ON DELETE SET NULL,
    "preset_version_id" CHAR(36) REFERENCES "playground_style_preset_versions" ("id") ON DELETE SET NULL,
    CONSTRAINT "uid_playground__batch_j_ebc820" UNIQUE ("batch_job_id", "position")
) /* A preset a batch used: exactly which version, with what weight and intensity, in composition order. */;
CREATE INDEX IF NOT EXISTS "idx_playground__preset__77eefd" ON "playground_batch_presets" ("preset_id", "created_at");
        ALTER TABLE "playground_image_edits" ADD "final_prompt" TEXT /* The prompt sent to the provider (presets applied) */;
        ALTER TABLE "playground_style_presets" ADD "tags_text" VARCHAR(800) NOT NULL DEFAULT '' /* The tags as ',a,b,' so that every database can filter on them */;
        ALTER TABLE "playground_style_presets" ADD "prompt_suffix" TEXT NOT NULL DEFAULT '';
        ALTER TABLE "playground_style_presets" ADD "max_images" INT /* Default images per set (set modes) */;
        ALTER TABLE "playground_style_presets" ADD "default_mode" VARCHAR(32) /* TEXT_TO_IMAGE: TEXT_TO_IMAGE\nEDIT: EDIT\nMULTI_REFERENCE: MULTI_REFERENCE\nSEQUENTIAL: SEQUENTIAL\nEDIT_SEQUENTIAL: EDIT_SEQUENTIAL */;
        ALTER TABLE "playground_style_presets" ADD "default_aspect_ratio" VARCHAR(8);
        ALTER TABLE "playground_style_presets" ADD "default_size" VARCHAR(16) /* WxH */;
        ALTER TABLE "playground_style_presets" ADD "reference_ids" JSON NOT NULL DEFAULT '[]' /* Style reference images (ids of playground_reference_images), in order */;
        ALTER TABLE "playground_style_presets" ADD "built_in" INT NOT NULL DEFAULT 0 /* Part of the starter library; only admins edit it */;
        ALTER TABLE "playground_style_presets" ADD "deleted_at" TIMESTAMP /* Soft delete: batches that used it still show it */;
        ALTER TABLE "playground_style_presets" ADD "preview_batch_job_id" CHAR(36) /* The batch whose image is the preview */;
        ALTER TABLE "playground_style_presets" ADD "default_resolution" VARCHAR(4) /* K1: 1K\nK2: 2K\nK4: 4K */;
        ALTER TABLE "playground_style_presets" ADD "tags" JSON NOT NULL DEFAULT '[]';
        ALTER TABLE "playground_style_presets" DROP COLUMN "parameters";
        CREATE INDEX "idx_playground__visibil_653cbb" ON "playground_style_presets" ("visibility", "usage_count");
        CREATE INDEX "idx_playground__built_i_60b8bc" ON "playground_style_presets" ("built_in", "created_at");
        -- hand-written: SHARED became UNLISTED; every existing preset gets its version row; the starter library.
        UPDATE "playground_style_presets" SET "visibility" = 'UNLISTED' WHERE "visibility" = 'SHARED';
        INSERT INTO "playground_style_preset_versions" ("id", "preset_id", "version", "name", "description", "tags", "prompt_template", "prompt_suffix", "reference_ids", "default_intensity", "created_at") SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), "id", "version", "name", "description", "tags", "prompt_template", "prompt_suffix", "reference_ids", "default_intensity", "updated_at" FROM "playground_style_presets";
        INSERT INTO "users" ("id", "subject", "email", "role", "credits", "display_name", "created_at", "updated_at") VALUES ('00000000-0000-4000-8000-000000000001', 'playground:built-in', NULL, 'user', 0, 'Preset Playground', '2026-11-25 00:00:00+00:00', '2026-11-25 00:00:00+00:00') ON CONFLICT DO NOTHING;
        INSERT INTO "playground_style_presets" ("id", "owner_id", "name", "description", "tags", "tags_text", "prompt_template", "prompt_suffix", "default_mode", "default_aspect_ratio", "default_resolution", "reference_ids", "default_intensity", "visibility", "version", "usage_count", "built_in", "created_at", "updated_at") VALUES ('00000000-0000-4000-8000-00000000b001', '00000000-0000-4000-8000-000000000001', 'Watercolor', 'Loose watercolor washes on textured paper.', '["watercolor", "painting", "soft"]', ',watercolor,painting,soft,', '{prompt}, loose watercolor painting, soft washes of pigment, visible paper texture, gentle color bleeds', '', NULL, NULL, NULL, '[]', 0.8, 'PUBLIC', 1, 0, 1, '2026-11-25 00:00:00+00:00', '2026-11-25 00:00:00+00:00') ON CONFLICT DO NOTHING;
        INSERT INTO "playground_style_preset_versions" ("id", "preset_id", "version", "name", "description", "tags", "prompt_template", "prompt_suffix", "default_mode", "default_aspect_ratio", "default_resolution", "reference_ids", "default_intensity", "created_at") VALUES ('00000000-0000-4000-8000-00000000c001', '00000000-0000-4000-8000-00000000b001', 1, 'Watercolor', 'Loose watercolor washes on textured paper.', '["watercolor", "painting", "soft"]', '{prompt}, loose watercolor painting, soft washes of pigment, visible paper texture, gentle color bleeds', '', NULL, NULL, NULL, '[]', 0.8, '2026-11-25 00:00:00+00:00') ON CONFLICT DO NOTHING;
        INSERT INTO "playground_style_presets" ("id", "owner_id", "name", "description", "tags", "tags_text", "prompt_template", "prompt_suffix", "default_mode", "default_aspect_ratio", "default_resolution", "reference_ids", "default_intensity", "visibility", "version", "usage_count", "built_in", "created_at", "updated_at") VALUES ('00000000-0000-4000-8000-00000000b002', '00000000-0000-4000-8000-000000000001', 'Product shot', 'Clean studio product photography for catalogs.', '["product", "photography", "studio"]', ',product,photography,studio,', 'studio product photograph of {prompt}, seamless backdrop, softbox lighting, crisp reflections', 'commercial catalog quality', 'TEXT_TO_IMAGE', '1:1', '2K', '[]', 1.0, 'PUBLIC', 1, 0, 1, '2026-11-25 00:00:00+00:00', '2026-11-25 00:00:00+00:00') ON CONFLICT DO NOTHING;
        INSERT INTO "playground_style_preset_versions" ("id", "preset_id", "version", "name", "description", "tags", "prompt_template", "prompt_suffix", "default_mode", "default_aspect_ratio", "default_resolution", "reference_ids", "default_intensity", "created_at") VALUES ('00000000-0000-4000-8000-00000000c002', '00000000-0000-4000-8000-00000000b002', 1, 'Product shot', 'Clean studio product photography for catalogs.', '["product", "photography", "studio"]', 'studio product photograph of {prompt}, seamless backdrop, softbox lighting, crisp reflections', 'commercial catalog quality', 'TEXT_TO_IMAGE', '1:1', '2K', '[]', 1.0, '2026-11-25 00:00:00+00:00') ON CONFLICT DO NOTHING;
        INSERT INTO "playground_style_presets" ("id", "owner_id", "name", "description", "tags", "tags_text", "prompt_template", "prompt_suffix", "default_mode", "default_aspect_ratio", "default_resolution", "reference_ids", "default_intensity", "visibility", "version", "usage_count", "built_in", "created_at", "updated_at") VALUES ('00000000-0000-4000-8000-00000000b003', '00000000-0000-4000-8000-000000000001', 'Anime', 'Cel-shaded anime illustration.', '["anime", "illustration"]', ',anime,illustration,', '{prompt}, anime illustration, clean cel shading, expressive characters, vibrant colors', 'detailed background', NULL, NULL, NULL, '[]', 0.9, 'PUBLIC', 1, 0, 1, '2026-11-25 00:00:00+00:00', '2026-11-25 00:00:00+00:00') ON CONFLICT DO NOTHING;
        INSERT INTO "playground_style_preset_versions" ("id", "preset_id", "version", "name", "description", "tags", "prompt_template", "prompt_suffix", "default_mode", "default_aspect_ratio", "default_resolution", "reference_ids", "default_intensity", "created_at") VALUES ('00000000-0000-4000-8000-00000000c003', '00000000-0000-4000-8000-00000000b003', 1, 'Anime', 'Cel-shaded anime illustration.', '["anime", "illustration"]', '{prompt}, anime illustration, clean cel shading, expressive characters, vibrant colors', 'detailed background', NULL, NULL, NULL, '[]', 0.9, '2026-11-25 00:00:00+00:00') ON CONFLICT DO NOTHING;
        INSERT INTO "playground_style_presets" ("id", "owner_id", "name", "description", "tags", "tags_text", "prompt_template", "prompt_suffix", "default_mode", "default_aspect_ratio", "default_resolution", "reference_ids", "default_intensity", "visibility", "version", "usage_count", "built_in", "created_at", "updated_at") VALUES ('00000000-0000-4000-8000-00000000b004', '00000000-0000-4000-8000-000000000001', 'Cinematic', 'A film still: anamorphic, dramatic light, graded color.', '["cinematic", "film", "photography"]', ',cinematic,film,photography,', 'cinematic film still of {prompt}, anamorphic lens, dramatic lighting, shallow depth of field', 'color graded', 'TEXT_TO_IMAGE', '16:9', '2K', '[]', 1.0, 'PUBLIC', 1, 0, 1, '2026-11-25 00:00:00+00:00', '2026-11-25 00:00:00+00:00') ON CONFLICT DO NOTHING;
        INSERT INTO "playground_style_preset_versions" ("id", "preset_id", "version", "name", "description", "tags", "prompt_template", "prompt_suffix", "default_mode", "default_aspect_ratio", "default_resolution", "reference_ids", "default_intensity", "created_at") VALUES ('00000000-0000-4000-8000-00000000c004', '00000000-0000-4000-8000-00000000b004', 1, 'Cinematic', 'A film still: anamorphic, dramatic light, graded color.', '["cinematic", "film", "photography"]', 'cinematic film still of {prompt}, anamorphic lens, dramatic lighting, shallow depth of field', 'color graded', 'TEXT_TO_IMAGE', '16:9', '2K', '[]', 1.0, '2026-11-25 00:00:00+00:00') ON CONFLICT DO NOTHING;
        INSERT INTO "playground_style_presets" ("id", "owner_id", "name", "description", "tags", "tags_text", "prompt_template", "prompt_suffix", "default_mode", "default_aspect_ratio", "default_resolution", "reference_ids", "default_intensity", "visibility", "version", "usage_count", "built_in", "created_at", "updated_at") VALUES ('00000000-0000-4000-8000-00000000b005', '00000000-0000-4000-8000-000000000001', 'Line art', 'Clean black ink line drawing on white.', '["line art", "ink", "monochrome"]', ',line art,ink,monochrome,', '{prompt}, clean black ink line art, uniform line weight, white background, no shading', '', NULL, NULL, NULL, '[]', 1.0, 'PUBLIC', 1, 0, 1, '2026-11-25 00:00:00+00:00', '2026-11-25 00:00:00+00:00') ON CONFLICT DO NOTHING;
        INSERT INTO "playground_style_preset_versions" ("id", "preset_id", "version", "name", "description", "tags", "prompt_template", "prompt_suffix", "default_mode", "default_aspect_ratio", "default_resolution", "reference_ids", "default_intensity", "created_at") VALUES ('00000000-0000-4000-8000-00000000c005', '00000000-0000-4000-8000-00000000b005', 1, 'Line art', 'Clean black ink line drawing on white.', '["line art", "ink", "monochrome"]', '{prompt}, clean black ink line art, uniform line weight, white background, no shading', '', NULL, NULL, NULL, '[]', 1.0, '2026-11-25 00:00:00+00:00') ON CONFLICT DO NOTHING;
        INSERT INTO "playground_style_presets" ("id", "owner_id", "name", "description", "tags", "tags_text", "prompt_template", "prompt_suffix", "default_mode", "default_aspect_ratio", "default_resolution", "reference_ids", "default_intensity", "visibility", "version", "usage_count", "built_in", "created_at", "updated_at") VALUES ('00000000-0000-4000-8000-00000000b006', '00000000-0000-4000-8000-000000000001', 'Pixel art', '16-bit retro game sprites.', '["pixel art", "retro", "game"]', ',pixel art,retro,game,', '{prompt}, 16-bit pixel art, limited palette, crisp pixels, retro video game style', '', NULL, '1:1', '1K', '[]', 1.0, 'PUBLIC', 1, 0, 1, '2026-11-25 00:00:00+00:00', '2026-11-25 00:00:00+00:00') ON CONFLICT DO NOTHING;
        INSERT INTO "playground_style_preset_versions" ("id", "preset_id", "version", "name", "description", "tags", "prompt_template", "prompt_suffix", "default_mode", "default_aspect_ratio", "default_resolution", "reference_ids", "default_intensity", "created_at") VALUES ('00000000-0000-4000-8000-00000000c006', '00000000-0000-4000-8000-00000000b006', 1, 'Pixel art', '16-bit retro game sprites.', '["pixel art", "retro", "game"]', '{prompt}, 16-bit pixel art, limited palette, crisp pixels, retro video game style', '', NULL, '1:1', '1K', '[]', 1.0, '2026-11-25 00:00:00+00:00') ON CONFLICT DO NOTHING;
        INSERT INTO "playground_style_presets" ("id", "owner_id", "name", "description", "tags", "tags_text", "prompt_template", "prompt_suffix", "default_mode", "default_aspect_ratio", "default_resolution", "reference_ids", "default_intensity", "visibility", "version", "usage_count", "built_in", "created_at", "updated_at") VALUES ('00000000-0000-4000-8000-00000000b007', '00000000-0000-4000-8000-000000000001', 'Oil painting', 'Classical oil on canvas with visible brushwork.', '["oil", "painting", "classical"]', ',oil,painting,classical,', '{prompt}, classical oil painting, rich impasto brushstrokes, warm glazes', 'museum lighting', NULL, NULL, NULL, '[]', 0.9, 'PUBLIC', 1, 0, 1, '2026-11-25 00:00:00+00:00', '2026-11-25 00:00:00+00:00') ON CONFLICT DO NOTHING;
        INSERT INTO "playground_style_preset_versions" ("id", "preset_id", "version", "name", "description", "tags", "prompt_template", "prompt_suffix", "default_mode", "default_aspect_ratio", "default_resolution", "reference_ids", "default_intensity", "created_at") VALUES ('00000000-0000-4000-8000-00000000c007', '00000000-0000-4000-8000-00000000b007', 1, 'Oil painting', 'Classical oil on canvas with visible brushwork.', '["oil", "painting", "classical"]', '{prompt}, classical oil painting, rich impasto brushstrokes, warm glazes', 'museum lighting', NULL, NULL, NULL, '[]', 0.9, '2026-11-25 00:00:00+00:00') ON CONFLICT DO NOTHING;
        INSERT INTO "playground_style_presets" ("id", "owner_id", "name", "description", "tags", "tags_text", "prompt_template", "prompt_suffix", "default_mode", "default_aspect_ratio", "default_resolution", "reference_ids", "default_intensity", "visibility", "version", "usage_count", "built_in", "created_at", "updated_at") VALUES ('00000000-0000-4000-8000-00000000b008', '00000000-0000-4000-8000-000000000001', 'Isometric 3D', 'A miniature isometric diorama render.', '["3d", "isometric", "render"]', ',3d,isometric,render,', 'isometric 3D render of {prompt}, soft global illumination, pastel colors, miniature diorama', '', NULL, '1:1', '2K', '[]', 1.0, 'PUBLIC', 1, 0, 1, '2026-11-25 00:00:00+00:00', '2026-11-25 00:00:00+00:00') ON CONFLICT DO NOTHING;
        INSERT INTO "playground_style_preset_versions" ("id", "preset_id", "version", "name", "description", "tags", "prompt_template", "prompt_suffix", "default_mode", "default_aspect_ratio", "default_resolution", "reference_ids", "default_intensity", "created_at") VALUES ('00000000-0000-4000-8000-00000000c008', '00000000-0000-4000-8000-00000000b008', 1, 'Isometric 3D', 'A miniature isometric diorama render.', '["3d", "isometric", "render"]', 'isometric 3D render of {prompt}, soft global illumination, pastel colors, miniature diorama', '', NULL, '1:1', '2K', '[]', 1.0, '2026-11-25 00:00:00+00:00') ON CONFLICT DO NOTHING;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP INDEX IF EXISTS "idx_playground__built_i_60b8bc";
        DROP INDEX IF EXISTS "idx_playground__visibil_653cbb";
        ALTER TABLE "playground_image_edits" DROP COLUMN "final_prompt";
        ALTER TABLE "playground_style_presets" ADD "parameters" JSON NOT NULL /* Generation settings the preset carries */;
        ALTER TABLE "playground_style_presets" DROP COLUMN "tags_text";
        ALTER TABLE "playground_style_presets" DROP COLUMN "prompt_suffix";
        ALTER TABLE "playground_style_presets" DROP COLUMN "max_images";
        ALTER TABLE "playground_style_presets" DROP COLUMN "default_mode";
        ALTER TABLE "playground_style_presets" DROP COLUMN "default_aspect_ratio";
        ALTER TABLE "playground_style_presets" DROP COLUMN "default_size";
        ALTER TABLE "playground_style_presets" DROP COLUMN "reference_ids";
        ALTER TABLE "playground_style_presets" DROP COLUMN "built_in";
        ALTER TABLE "playground_style_presets" DROP COLUMN "deleted_at";
        ALTER TABLE "playground_style_presets" DROP COLUMN "preview_batch_job_id";
        ALTER TABLE "playground_style_presets" DROP COLUMN "default_resolution";
        ALTER TABLE "playground_style_presets" DROP COLUMN "tags";
        DROP TABLE IF EXISTS "playground_batch_presets";
        DROP TABLE IF EXISTS "playground_style_preset_versions";"""


MODELS_STATE = (
    "eJztXf2TmsjW/le6/GUnVfOmMmYmmeveequMQ7JsjPr6kdy96y2C0iobBBdwJu6++d9vdw"
    "PKR6M0IrZMV+1msOG0+PT3Oc855+/a0tKg4bwcOdCuNcDfNVNdQnQRKb8GNXW12pXiAled"
    "GOTBNXqClKgTx7XVqYsKZ6rhQFSkQWdq6ytXt0xUaq4NAxdaU/Sgbs53RWtT/3MNFdeaQ3"
    "dBXuT3/6Bi3dTgd+gEH1fflJkODS3ynrqGv5uUK+5mRcpGI/nhPXkSf91EmVrGemnunl5t"
    "3IVlbh9fr3XtJZbB9+bQhLbqQi30M/Bb+j83KPLeGBW49hpuX1XbFWhwpq4NDEbtn7O1Oc"
    "UYAPJN+J/b//VfLfSYonS6Q2UgDRWlxoDd1DIx7rrpYqD+/uHVuwOElNbwF7R+afavXr95"
    "QSCwHHduk5sErtoPIqi6qidKQN+h7Kwnf0DUtAmoWwvVpkMdEonhjV73NEgHIGWHtTZcQP"
    "DrlyH4il73K5gaqr6sZcK5tlS/KwY05+4Cfazf3e0B/nOzT7BHTxHwLTRMvMHT8W/VvXu4"
    "EXagw6WqGyyQbwVyAe7DucU7eGQH+G5Y50c8c0eOAvy6/ioDwOipVIDJvSjAmu6sDHWjkM"
    "8MOMfliunfWfCuMU4btcHCejKBawELT6yATNY/g5ltLQEqQDe+QfMnB+Bfcg1M+Iie0V0H"
    "bHsSazvdZ2mm+/RWuk80km0ZKY0jmeslaSAZvZBqTmGioQLZEhto7S+YLI00Gkj9Bmmbsd"
    "l8+CR3GkDVlrqZpwFu3mRogJs3qQ2Ab0UbYGpDDfWJZBvIpksfHyGJGPLonU+F/CvWkbGC"
    "poa/EExUA/een4FqPKkbhwwMZ70E1oxcGlCb+216uC3m+HX/p35z+/b2/vWb23v0CPlJ25"
    "K3e5pH7gyT2GOYFJWy9D6gO66+hKltEJKMNYPmi74MLk7VKKdcH9AP1LqmsfGXrj24DuVP"
    "0mDY/NTDX7d0nD8Ngl9zKOE7dVK6iZVexYfIthLwRR7+AvBH8O9uR4rvprbPDf9dw++krl"
    "1LMa0nRdVCm5agNEAt0urrlZaz1aOSotV5afUAo1Czk7fHx5rZt9CWGxdM1Om3J9XWlMid"
    "XffwJiQFmggqSJmX3/ny7z/2oaEShJOdwT/ftchU3SY1SqjCzQX2iR/BKAhKd31jB9rKtv"
    "Bx5Ei4el4tVQVporrThfKHNTkSpne4nl+tSVVx0pfqHCop2yIWoGRckYTqqSpSNpxBG6Ld"
    "lUIwOxKuflAbwa2qmM1Vw4D2RtFduDwSsA9eVTKqqapoOe7GgMoKrcPw2NE4wFX1SE1VRW"
    "vtkJnrEZrHgjXCNUm4oiphhfdfVt1K25Elby3ry3iJaiJkNP+78Tel7rUoCnfqhixd++4d"
    "tZXdGfWkWvjfiXpD8bTooRMmeuz33VRf+4/Q1p9VW68urbVJOTumKmx2AuXpa3Io61sL1Z"
    "zDQC/jxBU44MqEczRrPUIws2yggoVlaC/Oo7hZ4IfQaHVVhmaICvGrOou2g6/tA2jEYMDP"
    "g/c39PvyaokD2fK0xDn6/kD+0Bn1GsD7OzY/9JudYQOQP2OzLw2k/mepAfyLsdlq9oajPi"
    "rxL/Az70edB/wI/suHbtkfuYo6c73lK+NIScjxPG9lV24VPCh2KzJ1ZNChjQhxbEisfVmo"
    "LtDRfw6e7q8BfDl/iSZ9osMAf1gToGediyKd/M1thk7+5ja1k+NbMTNj6L0ZGiImxq+RMa"
    "dJ9+5VFlsheioVanIvirWuweXKclH/3Sjf4IYFb4oov8SFnJjXM2Fe34N5PYm5MFKlo3+Z"
    "5opMRqrdSTDreS4kUuShjg9dQo4zXML6E0U3Ce17y4b63PwIN4kdbZqSBnK0iT1aPYOKbf"
    "Vpq1cIdyj029Evhi759WgXPOzLLbQfSrennVLTE5iJKPqdkAUpXauD2UVzG53JNSVstzqx"
    "bsd6MlOVO+F76JWm0HFQ/Qrqf+7aEQqfMyt8xAr8LFdgQROpWKun0UTCrc5KVi2fpFraae"
    "YmEyn4Zg8p+IZCCt53Wh/C7ykaqeqd1veNGelfw8hwCRC9+tT814vIkGl3Ox+Cx0Mt0Gp3"
    "38WA98HRA9ioffywNpdSDc9aLIyNMuwq8qfmB6kBIh/HpvQgDxsA/zs2P43aQ1npS++lvt"
    "RpoWdjBWNzIP3fSOoM5Wa7AXbXXi1K+GasII+a7HU9Ex9/Dx0/qQvG5CNH/4vS9HsUwWGh"
    "8rTAN6ea4ApWAR9gR/w66HZS3HfigvFdgj51wf8DQ3dOhnFoZz5Z64arm85L/H2sm/OarD"
    "mBscr/QZhsrwHdRGW6A1a7M9lR0yJGc/+0GJ8BY9sDXEF8WkyetnJOjNSKSlyn5Ie2xNxy"
    "SKYB8L9jE81WI+mhAby/Y7PX77akwUDufGiA3fXYbHU/9drSED+6vRyb75tyGxd5f/mwfi"
    "2hq+IzHcu4DMvwMSTx157jvHyS0RbWc2TVWkR0I0KvuVevSbASis1Dis1wl4poNlvNQav5"
    "IO1TbAo6t6BzV4w+yplr8lnYo2QQEiI3xaqwu3md0a7gzQ1bivlB00Kta+Lds/Woa9AGU9"
    "Uw8JY6RLdooA94c2lAQMbTNSAcPAwS2pCgdgZo441l1ivsj3xz9zK+CTvRV1BMH7/vpkZ/"
    "ksVAKKQ7ecaMiGEkvO82dWfh20WE0eOsRg8bYv83tPjZ1lLx2o8J9zT5I1qiLJ0ROsjiF/"
    "ZOrxYaNd5vcY4+wR5sjlAn342YBOip6pqokCDtUTQ2aAJcrigWnXTV806CZx0/6bXeq6Jp"
    "Gs3VaIb2NDL+hH9FVE6+hgagRcxAozMjfbtsXTVWDKQ5tKV2/qiQ0FUmdJUQUibwd/o8Fd"
    "FAIheWnG0qfTT/Ua+/fv22/ur1m/u727dv7+5fbWFN3tqH7zv5A4Y40pVp+uFjVIpn0SP2"
    "pM6D3PnAqkr0xRrAvxib/VGnQ0r8i7E5GLVakvSA9YTby7jqEFPrOy2pTYq2l3woFFUXra"
    "8rplgtYRFuPU7ONiVB27ZsZYp+/dyyU9jEh4dJshauLZL9ZmcgS9i7ZHuJteqdIbpQet22"
    "3PoNq9bDn8emjPplW35Q5E5vhCQjH4mu/rP8IPWV5mj4C1HX7z7SBxSucSj1O9hcGVzlGW"
    "SZKAJ7GAJJgoDfmuh0Te8P9HEWleK4/XNyMYp3m/AQW0LH8X39s+6HE4JVQLvsHW7IWog5"
    "YAotEkHqokIXrtAurbAFRl3pCjrwrNC3UPp4uhkwLneUKZAzjMu2+aFV287Ho4xKFsCjvJ"
    "yW4Jw2mWTLhlW3jM0cExXtzHM7Cy58+uJ1maxowYV/jq2ehQsft+JlNf3E5QRrZz9rZ4tX"
    "EmRm5k4FySTXMfZOvHvlZ/CchZnC5+bkDGwL3EvTyBZ+D2bgWgQ8rGxUi69fg1b6+pVwIR"
    "rEWobjWlgzYMOpZWvgChehRlpDYKEJHj1nYzMwCeGuay/oDIvCaqYSK8LMtXhEhSSzIqvL"
    "aeBnist9tnaKlPBI5YKcIXbhVduPiV34c2z1LLvwZaop5LBpbHmMQaQ05orw0btcuoDnLs"
    "S4etbizkZJroBnqURNix4ZDHe2y11JGp+g1+zjFm3/poTuUwpPxzwo3ijqEbuYPAxDInw4"
    "MuXxLeTWqLFSbXTl+rn5MrdJRIqPZsnjX1Yb6H+hmqc4rK1zDTBP7BpsIxuiEp9liP5H3z"
    "E/njh7kjZ80jU0XBPNl2p23T4viLXUkLz6fMESFXknIPCkUQfREFNcnebOl3E7EK6gxB1B"
    "/SPrbNKz9SkE+FW3waf9iAOsK28Wlkw6SSbBkXEtVzXYmchxMdG/abnX0PYEK201dnxpoo"
    "JcGQd4pupGHnQTcgJaSt5AbDPAFCFoP9Jo9YeSN0ZEBcBpAE/Vlbu2cwEcFhUAp/dgdCLQ"
    "cvbgnagAOEFtx77XigP/ZEA2IsMtpLUBRHXjhCBoCzrZ7dkM1XHBaj0xCJkLwMD5vHzsOY"
    "hSzpmRt4Qw5YGjIQvaYZkKhPQ7tXpYUPbPSdkXPObnwG8VPObn0c4iElnBASuivKGskEal"
    "BKiJFFPhICpHxF+5jNArJaMbDsLKiC5FVKArQhOWEZqQMukWAGsocUpFkY0uNYexDQ/xAg"
    "Bmy37N54xwEGPKtBgBGr0H6Iza7VrqKlcA0gwuEBcKM2VtT4E5kxdEEKUwv/9DJEBiReYP"
    "ShctL9DrhXTMqNpVeNNkA8qfH9dOIR3KW1NGziXStjPBJaLi7oXqlH5au5FIcdSKDNNMnl"
    "qxGSKbq5aNzU2OixNKYPGG5yRlrtaYekgyo6/dqbWEQDU18LSANvTTFjsu2jlodC+tIio9"
    "Nulf3I/RjxnsRcnd74ol3K+E+xWfM/qFOuII96vn2OoUS0FKEATWSMwxKW7JHOejNxuWy4"
    "xqVIhbUGs9y9HJCvekuwvd9DYX6HT8kwN89U/5gAs3wmfjRljVGOfcUkNmuqkaCjvscTmO"
    "aTmH48sHuf/4Di3vaahZs/xGpThuppxctZOk+nWstT2FqQ4Ie5JjxgX58JTMlRyzH3hFeo"
    "oGB1yN+m2sagDoRxJtAio9fqycJnInNVnsnlFCzxPL1RqCGiTQ/ODXBaoDvnz/Jc+6XXx8"
    "eZGhQWRoyDA1iQwNIkNDaa4URGPP6kQRFuJ4s1QbeMsvQK8aeLGg5RCL5ujN9bu7LF4Vd3"
    "fpXhX4Hg3/tW2w4+8LcYx/3s3qq3oWP2/8WPrUQW6eMx4EbxBfeDiIisOJqscZOD1QGKaC"
    "uFz1ZoPiM6OQwBmTjcvkNR8VEl2YmnlRpDw5Pcwi5UkS47IVJyKvmchrJvKanWf1Fk7S5z"
    "Sv+MFBGFb2kAS36pday3tJMEUDdQ41MLNsLzs4OWpnnGAKXug5yM5xOZ2dOfM6G4/ygtLb"
    "l4ym8LMWftZ8gip8VYWvKq/IsvqqnimDFJ8rVkEJpOJ7gqKgzegmeaHYhrZC+fNyzVXDgP"
    "ZGKcAz9YNXVdV8U0/p9LWlLBEHrxrF8yv2xHVG969thPgQteugD1g6Vsf4XwkHKuFAxeeQ"
    "v1BXGuFA9RxbPYsDlc9xZSURxcR45pTm1H2fhDDESBU6hiTEN7qnYgn55HRGnKNSHFsWal"
    "+Is/sTBDOIDivYQd4FOM7MNdBnQVk+i9rtfSab2u39Hqsavimy+FSHtlV1PM/K2+IO3IoS"
    "t7jDueBOLGw4wtzAgWrxsLkhXbd4Sn1ZWMVIUZbFNJCZNGW+ArR4BVksg/w2HhMuYMsfrz"
    "sKSfYxFao1oVq7jInmQpUsQrX2HFs9i2rN1V2D6VixFahctp2T5DQKv1kC5XQmaUysAliX"
    "TSN11TlTxIjg+csNFMGtL0Nknxezw1uWAVUzZf8Wlou1ywQJnqpBtiXlYv+u221HsH8nx/"
    "v56NM7qX91QxoCPaR7hxeKz7WjzNRHy8YPMGMelhSos6AeOQslcN9zUIkLCnWH0B8J/dEl"
    "6o/o80EByLJEtL9UeBPzIE86ulikfIqaLhlLP5OmzuOS+rHvMunrak3gPQ5UQKTB2oFaA8"
    "DvSMrYgKeFjsoeoe2g569JCFFUprrgiZjaSERyHVuHHN3dXONIYlNruQoijlq2Bu1kzPOS"
    "vpOqcUw4HPlyFIVjJHOMUCpyo1T0ewaDWS0kIWxq1GgIpKezBqKMiVXQLHySUJTbKSd7Bw"
    "6L8NyDa108++IpGYevCk3L14S2A16BK5KdHaqavwZkjDZZdI9/SqGWvDcsNY2rk0YumWEZ"
    "ftqgiNn5oTt615ZAry+15IHsK3K2ymZyM3qE7UvNdvwMGyzRTChHpATQWYAWRrb0aeMyzS"
    "1ZjGwceNzz1tpF+TTnSMErku8eRtTfhedDNiosEN6rgzuTBy6n88EJXHBFIl4WfFlT8EaH"
    "fLEof95VWmmwo/Mlc0LeU6o/w32eovuMDYlMis9wqmdmxaepARWdVVck7DIJrLS2bZxVxM"
    "fQS5TkosZxwBVRRGKbunONSlV7uiAV+M3tALzhfLFP5Xmibzs2/+Oj7ugT3fAPXvvvejlQ"
    "pwj5IHkkJhsouikUpVwpSsXBMBXwCh8MBfuyaq2ehX3JqrsXSns2pb1gXwr25SHIq86+xN"
    "AqLurrLBNNRIjf/k9SCuJ3xUm4frpWryfXPwEHpxVEO3CI9uYbgPdZE9WBYKqaYIYaGNrA"
    "IpauZUYjVmSaus9EEr/fQxK/T5LEvaSICs4iZKg0yuahtJsR0RKb62/v639UZdry0XTWs5"
    "lOySp8sBl2gvyOGW7B93+Ackya4XgdPIfJENmG4y3Pmi0yLsdza3OTIjIATXVWOD6ojaMf"
    "5gE9Ls8x+DmPJFmCzaRHmkmEmQmAQ3s1BCb9TMI2y0Vr4rgBah9vUFf+ODY/1hugjv/eNs"
    "DtxzwDIkvIj/SIH4mAH7jutPTCqcSuqBDHKYRqD96DQebgFdr8Yn32Ff4Hr5HOmZhcoTie"
    "GtNBMSF4uSfGGrGZADuR3hn9Mmxm2BP29AUhUBPSdLb2K/vQGcxQ+ehkVOkyaWU3L0+VXf"
    "XErLKoySfP2hKtocycxH35c3MosQ4iXwyndiIXY3PUacuDIc7pFFyNzR5CT26hh8hfPjZi"
    "DmoPyJzOKSpVyJp/2K5W2par+LPFhfgd3JwK3oIX7rAVOTukMSluszSdDdawLZ7BWzssxr"
    "erdq2n2m6QIRstPTbWwxr6xFbtzc/AMo0NULUl2koB7P4H9Iz5s8tx7F7Z8FGHT0pe9m6a"
    "PPeESKJf97z9nhaW429Rge6QZvR/1tEtxUBK9fhQeczkUckCzORlJZi3Zi7wXr7hNQV0PP"
    "sG9r/EoXUdVzcM4CyspyKGDecm9CRzYmbZ31C7Yk8lxmGZlOR+QJbMARdhF0TYBQ7YsWxh"
    "F0LDugBonwXXOzkTMnOPKX4MR+Zdql4WMYorGFrEi4ApEnWigmDhDnokTpUcyDRVR3E4ZX"
    "e7uJSVhaLLgI/QpKWbZsFshGuScEUV6loleZMEnWy/U0moKzL7lijhgXHYx6Rr4nPuck2q"
    "DRw8sOpC9d1BQs4eP/ssM4+EDdCxxQGWCZOuJEVVSg2PE3HVCtSX8dA4wq1DxL85L7miYJ"
    "2pIM8L8nxkljjDhCDI89UmzwtmNidjQjCzBTNbMLMFM5ufLZcgZgtidloTCGK2IGbzeWgW"
    "xGuOTxuCNX0e1rQIuZI+/1xm8I0sIVfOGjKSt3Y+Cb3lTAH3OMX2iIh7GVJfCGIBF4bNkC"
    "WYYtCM2okzGTI9IzX6OmPj6tNsJsx0iLIEnEM9Jy3eXITALALFndeieIw27igtXEnzq1DD"
    "7VzF9L/QoNVpXNE9nmJhIZ4bmg8tkLOeTiHUIGXu2uuDE5Er0QnnPJvBotMlsmh3jtTsVN"
    "qBDK3Umk6jsaWiGZIQcCY9vqwpdBz0lQo+uCtLFmTpwkIbmYQZ2rZlK1P0++eWndtlPVkL"
    "zxr3Yb/ZGchod4F2NMHl2Gx1O0N0ofS6bbn1WwNEP49NGa1cbflBkTu9EZKMfBybvX73s/"
    "wg9ZXmaPgLdoUPfUR1N9EWqN3GHvHbS1zjUOp38JYnuMqz18lEPNrDO0rSjoQyLh366irj"
    "OEiMw9lcW4wHH1qL/sDWYFYtZ1hKYBo7KYS55WzAUkQFuvEIE8wupyERoZLfr5JfO8Lh9L"
    "AmPtShsqQVIpNlAaj2djVd5MjPYOEIrysZkgqdKSfWhcK7NyUWHeDwglS6oe5CYaYs4lyl"
    "ampCW58uahT7k3/nep/tSd09c0o7E5PxKF0lSFv0KaoVvxmPMxpxr1jJ4X2Wbj5Idz+rgv"
    "GgfneXRXFxd5euucD3oltXPKgYEPYfryC6N5myJNzsyZJwk8ySgL7RhbSwc+mkxZBI+XTF"
    "8xwNCiMmJg4RZS5mP/4LFnn4Mg=="
)
