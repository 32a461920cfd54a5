/* rencana: the plan format rencana/1 as static tables of fields, and its JSON Schema. */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "schema.h"
#include "winansi.h"

/*
 * Each table is an array of fields ended by a NULL key.  A list's or a
 * dict's `children` points at one field: its item.  The tables are the
 * contract docs/format.md, whose field table `rencana schema --markdown`
 * prints from them.
 * Nothing here depends on the input: the nesting is fixed by the tables.
 */

#define R	SCHEMA_REQUIRED
#define NE	SCHEMA_NONEMPTY
#define C(x)	SCHEMA_CHECK_##x

/* One field: key, type, flags, check, enum values, default, meaning, example, children. */
#define FLD(k, t, f, c, v, d, desc, ex, ch) \
	{ k, SCHEMA_##t, f, c, v, d, desc, ex, ch, 0, 0, 0 }
#define END	{ NULL, SCHEMA_STRING, 0, SCHEMA_CHECK_NONE, NULL, NULL, NULL, NULL, NULL, 0, 0, 0 }

/* ---- enum values ------------------------------------------------------- */

/*
 * Each value with the words documents print for it (compute.c's `*_teks`
 * fields through schema_word): Indonesian, then English (NULL: the same).
 * A value without words is not printed as a word.
 */
#define V(v)		{ v, NULL, NULL }
#define W(v, id, en)	{ v, id, en }
#define VEND		{ NULL, NULL, NULL }

static const struct schema_value v_jenis[] = { V("rencana-pengembangan"),
	V("sistem-pembinaan"), V("strategi-kompetensi"), VEND };
static const struct schema_value v_status[] = { V("konsep"), V("final"), VEND };
static const struct schema_value v_bahasa[] = { V("id"), V("en"), VEND };
static const struct schema_value v_kertas[] = { V("A4"), V("F4"), V("letter"), VEND };
static const struct schema_value v_tingkat_wil[] = {
	W("provinsi", "Provinsi", NULL), W("kabupaten", "Kabupaten", NULL),
	W("kota", "Kota", NULL), W("kecamatan", "Kecamatan", NULL),
	W("kelurahan", "Kelurahan", NULL), W("desa", "Desa", NULL), VEND
};
static const struct schema_value v_bentuk[] = {
	W("klasikal", "Klasikal", "Classroom"),
	W("e-learning", "E-learning", "E-learning"),
	W("coaching", "Coaching", "Coaching"),
	W("mentoring", "Mentoring", "Mentoring"),
	W("magang", "Magang", "Internship"),
	W("workshop", "Workshop", "Workshop"),
	W("seminar", "Seminar", "Seminar"),
	W("forum", "Forum", "Forum"),
	W("lainnya", "Lainnya", "Other"), VEND
};
static const struct schema_value v_tingkat_risk[] = {
	W("rendah", "Rendah", "Low"), W("sedang", "Sedang", "Medium"),
	W("tinggi", "Tinggi", "High"), VEND
};
static const struct schema_value v_mitra[] = {
	W("pemerintah", "Pemerintah", "Government"),
	W("perguruan-tinggi", "Perguruan Tinggi", "University"),
	W("lembaga-pelatihan", "Lembaga Pelatihan", "Training institution"),
	W("swasta", "Swasta", "Private sector"),
	W("lsm", "LSM", "NGO"),
	W("masyarakat", "Masyarakat", "Community"),
	W("lainnya", "Lainnya", "Other"), VEND
};
static const struct schema_value v_arah[] = {
	W("naik", "Naik", "Up"), W("turun", "Turun", "Down"), VEND
};
static const struct schema_value v_frek[] = {
	W("bulanan", "Bulanan", "Monthly"),
	W("triwulanan", "Triwulanan", "Quarterly"),
	W("semesteran", "Semesteran", "Half-yearly"),
	W("tahunan", "Tahunan", "Yearly"), VEND
};
static const struct schema_value v_statjab[] = { V("definitif"), V("plt"), V("plh"),
	V("pj"), V("an"), V("ub"), VEND };
/* The signer's role: which forms Permendagri 1/2023 Pasal 44 prints (tnd.c). */
static const struct schema_value v_peran[] = { V("kepala-daerah"),
	V("wakil-kepala-daerah"), V("sekretaris-daerah"), V("pj-kepala-daerah"),
	V("pjs-kepala-daerah"), V("plt-kepala-daerah"), V("plh-kepala-daerah"),
	V("pj-sekretaris-daerah"), V("plh-sekretaris-daerah"), V("pejabat"), VEND };
/* The chapters an extra chapter can follow (bab_tambahan.setelah). */
static const struct schema_value v_bab[] = { V("kata_pengantar"), V("pendahuluan"),
	V("kondisi"), V("tujuan"), V("strategi"), V("implementasi"), V("tantangan"),
	V("monitoring"), V("keterlibatan_masyarakat"), V("contoh_sukses"),
	V("kesimpulan"), VEND };

#define JUDUL_BAB FLD("judul", STRING, 0, C(NONE), NULL, NULL, \
	"judul bab yang menggantikan judul bawaan templat", "Monitoring dan Evaluasi", NULL)

/* ---- dokumen, wilayah, periode ----------------------------------------- */

/* The Peraturan or Keputusan of the Kepala Daerah that adopts the plan: the
 * head of each appendix (LAMPIRAN I / PERATURAN ... / NOMOR ... TAHUN ... /
 * TANGGAL ...), and the signer's name without titles (Pasal 44(1)). */
static const struct schema_field f_penetapan[] = {
	FLD("jenis", STRING, R, C(NONE), NULL, NULL,
	    "jenis naskah dan pejabat yang menetapkan, dengan nama daerah",
	    "Peraturan Wali Kota Mataram", NULL),
	FLD("nomor", STRING, 0, C(NONE), NULL, NULL,
	    "nomor naskah penetapan, tanpa tahun; wajib bila status final", "12", NULL),
	FLD("tanggal", DATE, 0, C(NONE), NULL, NULL,
	    "tanggal penetapan (YYYY-MM-DD); tahunnya menjadi TAHUN pada nomor; "
	    "wajib bila status final", "2027-01-15", NULL),
	END
};

static const struct schema_field f_dokumen[] = {
	FLD("jenis", ENUM, R, C(NONE), v_jenis, NULL,
	    "jenis dokumen; menentukan templat bawaan", "rencana-pengembangan", NULL),
	FLD("judul", STRING, R, C(NONE), NULL, NULL, "judul pada sampul",
	    "Rencana Pengembangan Kepegawaian ASN Kota Mataram", NULL),
	FLD("subjudul", STRING, 0, C(NONE), NULL, NULL, "subjudul pada sampul", NULL, NULL),
	FLD("status", ENUM, 0, C(NONE), v_status, "konsep",
	    "konsep (tanda KONSEP di setiap halaman) atau final", "konsep", NULL),
	FLD("nomor", STRING, 0, C(NONE), NULL, NULL,
	    "nomor resmi dokumen; wajib bila status final", "800.1/123/BKPSDM/2026", NULL),
	FLD("tanggal", DATE, 0, C(NONE), NULL, NULL, "tanggal dokumen (YYYY-MM-DD)",
	    "2026-11-22", NULL),
	FLD("versi", STRING, 0, C(NONE), NULL, NULL, "versi konsep, tampil selama konsep",
	    "0.3", NULL),
	FLD("bahasa", ENUM, 0, C(NONE), v_bahasa, "id", "bahasa kata-kata bawaan templat",
	    "id", NULL),
	FLD("kertas", ENUM, 0, C(NONE), v_kertas, "A4",
	    "ukuran kertas: A4 (210x297 mm), F4 (215x330 mm), letter", "A4", NULL),
	FLD("templat", STRING, 0, C(NONE), NULL, NULL,
	    "nama templat atau folder templat, menggantikan pilihan menurut jenis", NULL, NULL),
	FLD("tte", BOOL, 0, C(NONE), NULL, "tidak",
	    "dokumen final akan ditandatangani secara elektronik (TTE): ya atau tidak", "tidak", NULL),
	FLD("tte_verifikasi", STRING, 0, C(TTE_URL), NULL, NULL,
	    "alamat laman verifikasi dokumen bertanda tangan elektronik; dicetak sebagai "
	    "kode QR di samping tanda tangan", "https://tte.mataramkota.go.id/verifikasi", NULL),
	FLD("penetapan", MAP, 0, C(NONE), NULL, NULL,
	    "naskah dinas penetapan atau pengaturan yang menjadikan rencana ini lampirannya; "
	    "nama penanda tangan lalu tanpa gelar, lampiran diberi kepala LAMPIRAN", NULL,
	    f_penetapan),
	END
};

static const struct schema_field f_wilayah[] = {
	FLD("nama", STRING, R, C(NONE), NULL, NULL, "nama wilayah", "Mataram", NULL),
	FLD("tingkat", ENUM, R, C(NONE), v_tingkat_wil, NULL, "tingkat pemerintahan wilayah",
	    "kota", NULL),
	FLD("induk", STRING, 0, C(NONE), NULL, NULL,
	    "wilayah induk; wajib untuk kecamatan, kelurahan dan desa", "Kota Kupang", NULL),
	FLD("provinsi", STRING, 0, C(NONE), NULL, NULL,
	    "nama provinsi; wajib kecuali tingkat provinsi", "Nusa Tenggara Barat", NULL),
	FLD("kode", STRING, 0, C(REGION_CODE), NULL, NULL,
	    "kode wilayah Kemendagri PP, PP.KK, PP.KK.CC atau PP.KK.CC.DDDD sesuai tingkat",
	    "52.71", NULL),
	FLD("pemerintah", STRING, 0, C(NONE), NULL, NULL,
	    "nama pemerintah daerah; bila kosong dibentuk dari tingkat dan nama",
	    "Pemerintah Kota Mataram", NULL),
	FLD("instansi", STRING, R, C(NONE), NULL, NULL, "instansi penerbit dokumen",
	    "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kota Mataram", NULL),
	FLD("singkatan", STRING, 0, C(NONE), NULL, NULL, "singkatan instansi", "BKPSDM", NULL),
	FLD("logo", PATH, 0, C(NONE), NULL, NULL,
	    "berkas logo PNG atau JPEG, relatif terhadap berkas rencana", "logo-mataram.png", NULL),
	END
};

static const struct schema_field f_periode[] = {
	FLD("mulai", YEAR, R, C(NONE), NULL, NULL, "tahun awal periode rencana", "2026", NULL),
	FLD("selesai", YEAR, R, C(NONE), NULL, NULL,
	    "tahun akhir periode; paling lama 10 tahun", "2030", NULL),
	END
};

/* ---- kondisi ------------------------------------------------------------- */

static const struct schema_field f_rincian_item[] = {
	FLD("label", STRING, R, C(NONE), NULL, NULL, "nama kelompok", "PNS Golongan III", NULL),
	FLD("jumlah", INT, R, C(NONNEG), NULL, NULL, "jumlah pegawai dalam kelompok", "2716", NULL),
	END
};
static const struct schema_field i_rincian_item =
	FLD(NULL, MAP, 0, C(NONE), NULL, NULL, "satu kelompok pegawai", NULL, f_rincian_item);

static const struct schema_field f_rincian[] = {
	FLD("judul", STRING, R, C(NONE), NULL, NULL, "judul rincian", "Golongan", NULL),
	FLD("daftar", LIST, R | NE, C(NONE), NULL, NULL,
	    "kelompok pegawai; jumlahnya sebaiknya sama dengan pegawai.jumlah", NULL,
	    &i_rincian_item),
	END
};
static const struct schema_field i_rincian =
	FLD(NULL, MAP, 0, C(NONE), NULL, NULL, "satu rincian pegawai", NULL, f_rincian);

static const struct schema_field f_pegawai[] = {
	FLD("jumlah", INT, 0, C(NONNEG), NULL, NULL, "jumlah seluruh pegawai", "5842", NULL),
	FLD("per_tanggal", DATE, 0, C(NONE), NULL, NULL, "keadaan per tanggal", "2025-12-31", NULL),
	FLD("rincian", LIST, 0, C(NONE), NULL, NULL, "rincian pegawai menurut kelompok", NULL,
	    &i_rincian),
	END
};

static const struct schema_field f_kompetensi[] = {
	FLD("bidang", STRING, R, C(NONE), NULL, NULL, "bidang kompetensi",
	    "Literasi digital", NULL),
	FLD("saat_ini", NUMBER, R, C(NONE), NULL, NULL, "nilai saat ini", "54.2", NULL),
	FLD("dibutuhkan", NUMBER, R, C(NONE), NULL, NULL, "nilai yang dibutuhkan", "85", NULL),
	FLD("satuan", STRING, 0, C(NONE), NULL, NULL,
	    "satuan nilai; dengan % setiap nilai 0 sampai 100", "%", NULL),
	END
};
static const struct schema_field i_kompetensi =
	FLD(NULL, MAP, 0, C(KOMPETENSI), NULL, NULL, "satu kesenjangan kompetensi", NULL, f_kompetensi);

static const struct schema_field f_kondisi[] = {
	JUDUL_BAB,
	FLD("uraian", MARKDOWN, R, C(NONE), NULL, NULL, "uraian kondisi kepegawaian saat ini",
	    NULL, NULL),
	FLD("pegawai", MAP, 0, C(PEGAWAI), NULL, NULL, "jumlah dan rincian pegawai", NULL, f_pegawai),
	FLD("kompetensi", LIST, 0, C(NONE), NULL, NULL, "kesenjangan kompetensi", NULL,
	    &i_kompetensi),
	END
};

/* ---- tujuan, strategi, tantangan ----------------------------------------- */

static const struct schema_field f_goal[] = {
	FLD("kode", CODE, R, C(NONE), NULL, NULL, "kode tujuan, unik dalam berkas", "T1", NULL),
	FLD("judul", STRING, R, C(NONE), NULL, NULL, "judul tujuan", "ASN yang profesional", NULL),
	FLD("uraian", MARKDOWN, 0, C(NONE), NULL, NULL, "uraian tujuan", NULL, NULL),
	END
};
static const struct schema_field i_goal =
	FLD(NULL, MAP, 0, C(NONE), NULL, NULL, "satu tujuan", NULL, f_goal);

static const struct schema_field f_tujuan[] = {
	JUDUL_BAB,
	FLD("uraian", MARKDOWN, 0, C(NONE), NULL, NULL, "pengantar bab tujuan", NULL, NULL),
	FLD("daftar", LIST, R | NE, C(NONE), NULL, NULL, "daftar tujuan", NULL, &i_goal),
	END
};

static const struct schema_field i_goal_ref =
	FLD(NULL, CODE, 0, C(GOAL_REF), NULL, NULL, "kode tujuan yang ada", "T1", NULL);

static const struct schema_field f_kegiatan[] = {
	FLD("nama", STRING, R, C(NONE), NULL, NULL, "nama kegiatan",
	    "Pelatihan analisis data", NULL),
	FLD("bentuk", ENUM, 0, C(NONE), v_bentuk, NULL, "bentuk pengembangan kompetensi",
	    "klasikal", NULL),
	FLD("jp", INT, 0, C(POSITIVE), NULL, NULL, "jam pelajaran per peserta", "24", NULL),
	FLD("peserta", INT, 0, C(POSITIVE), NULL, NULL, "jumlah peserta", "240", NULL),
	FLD("anggaran", INT, 0, C(NONNEG), NULL, NULL, "anggaran dalam rupiah", "384000000", NULL),
	FLD("jadwal", STRING, 0, C(SCHEDULE), NULL, NULL,
	    "waktu pelaksanaan: YYYY, YYYY-MM, YYYY-Qn (triwulan) atau YYYY-Sn (semester)",
	    "2028-Q2", NULL),
	END
};
static const struct schema_field i_kegiatan =
	FLD(NULL, MAP, 0, C(NONE), NULL, NULL, "satu kegiatan", NULL, f_kegiatan);

static const struct schema_field f_strategy[] = {
	FLD("kode", CODE, R, C(NONE), NULL, NULL, "kode strategi, unik dalam berkas", "S1", NULL),
	FLD("judul", STRING, R, C(NONE), NULL, NULL, "judul strategi",
	    "Pelatihan bidang teknologi informasi", NULL),
	FLD("uraian", MARKDOWN, 0, C(NONE), NULL, NULL, "uraian strategi", NULL, NULL),
	FLD("contoh", MARKDOWN, 0, C(NONE), NULL, NULL, "paragraf contoh (Misalnya, ...)",
	    NULL, NULL),
	FLD("tujuan", LIST, 0, C(NONE), NULL, NULL, "kode tujuan yang didukung", NULL,
	    &i_goal_ref),
	FLD("kegiatan", LIST, 0, C(NONE), NULL, NULL, "kegiatan pelaksanaan strategi", NULL,
	    &i_kegiatan),
	END
};
static const struct schema_field i_strategy =
	FLD(NULL, MAP, 0, C(NONE), NULL, NULL, "satu strategi", NULL, f_strategy);

static const struct schema_field f_strategi[] = {
	JUDUL_BAB,
	FLD("uraian", MARKDOWN, 0, C(NONE), NULL, NULL, "pengantar bab strategi", NULL, NULL),
	FLD("daftar", LIST, R | NE, C(NONE), NULL, NULL, "daftar strategi", NULL, &i_strategy),
	END
};

static const struct schema_field f_challenge[] = {
	FLD("judul", STRING, R, C(NONE), NULL, NULL, "judul tantangan",
	    "Resistensi terhadap perubahan", NULL),
	FLD("uraian", MARKDOWN, 0, C(NONE), NULL, NULL, "uraian tantangan", NULL, NULL),
	FLD("mitigasi", MARKDOWN, R, C(NONE), NULL, NULL, "langkah mitigasi", NULL, NULL),
	FLD("tingkat", ENUM, 0, C(NONE), v_tingkat_risk, NULL, "tingkat risiko", "sedang", NULL),
	END
};
static const struct schema_field i_challenge =
	FLD(NULL, MAP, 0, C(NONE), NULL, NULL, "satu tantangan", NULL, f_challenge);

static const struct schema_field f_tantangan[] = {
	JUDUL_BAB,
	FLD("uraian", MARKDOWN, 0, C(NONE), NULL, NULL, "pengantar bab tantangan", NULL, NULL),
	FLD("daftar", LIST, R | NE, C(NONE), NULL, NULL, "daftar tantangan", NULL, &i_challenge),
	END
};

/* ---- implementasi ----------------------------------------------------- */

static const struct schema_field i_strategy_ref =
	FLD(NULL, CODE, 0, C(STRATEGY_REF), NULL, NULL, "kode strategi yang ada", "S1", NULL);

static const struct schema_field f_kontak[] = {
	FLD("surel", STRING, 0, C(EMAIL), NULL, NULL, "alamat surel", "mitra@unram.ac.id", NULL),
	FLD("telepon", STRING, 0, C(PHONE), NULL, NULL, "nomor telepon, +62... atau 0...",
	    "+62370555214", NULL),
	FLD("laman", STRING, 0, C(URL), NULL, NULL, "alamat laman http(s)://",
	    "https://unram.ac.id", NULL),
	END
};

static const struct schema_field f_mitra[] = {
	FLD("nama", STRING, R, C(NONE), NULL, NULL, "nama mitra", "Universitas Mataram", NULL),
	FLD("jenis", ENUM, R, C(NONE), v_mitra, NULL, "jenis mitra", "perguruan-tinggi", NULL),
	FLD("peran", STRING, 0, C(NONE), NULL, NULL, "peran mitra",
	    "Tuan rumah magang ASN muda", NULL),
	FLD("strategi", LIST, 0, C(NONE), NULL, NULL, "kode strategi yang didukung", NULL,
	    &i_strategy_ref),
	FLD("kontak", MAP, 0, C(NONE), NULL, NULL, "kontak mitra", NULL, f_kontak),
	END
};
static const struct schema_field i_mitra =
	FLD(NULL, MAP, 0, C(NONE), NULL, NULL, "satu mitra pelaksana", NULL, f_mitra);

static const struct schema_field f_implementasi[] = {
	JUDUL_BAB,
	FLD("uraian", MARKDOWN, R, C(NONE), NULL, NULL, "uraian implementasi", NULL, NULL),
	FLD("mitra", LIST, 0, C(NONE), NULL, NULL, "mitra pelaksana", NULL, &i_mitra),
	END
};

/* ---- monitoring ------------------------------------------------------- */

static const struct schema_field f_baseline[] = {
	FLD("tahun", YEAR, R, C(NONE), NULL, NULL,
	    "tahun data dasar; paling lambat periode.mulai", "2025", NULL),
	FLD("nilai", NUMBER, R, C(NONE), NULL, NULL, "nilai data dasar", "71.4", NULL),
	END
};
static const struct schema_field i_target =
	FLD(NULL, NUMBER, 0, C(TARGET_YEAR), NULL, NULL,
	    "target pada tahun itu (tahun di dalam periode)", "75", NULL);

static const struct schema_field f_indikator[] = {
	FLD("kode", CODE, R, C(NONE), NULL, NULL, "kode indikator, unik dalam berkas", "I1", NULL),
	FLD("nama", STRING, R, C(NONE), NULL, NULL, "nama indikator",
	    "Indeks Profesionalitas ASN", NULL),
	FLD("satuan", STRING, R, C(NONE), NULL, NULL,
	    "satuan: %, indeks, orang, JP, ...; dengan % setiap nilai 0 sampai 100", "indeks", NULL),
	FLD("baseline", MAP, R, C(NONE), NULL, NULL, "data dasar", NULL, f_baseline),
	FLD("target", DICT, R | NE, C(NONE), NULL, NULL,
	    "target per tahun di dalam periode, paling sedikit satu", NULL, &i_target),
	FLD("arah", ENUM, 0, C(NONE), v_arah, "naik",
	    "arah yang lebih baik: naik atau turun", "naik", NULL),
	FLD("sumber", STRING, 0, C(NONE), NULL, NULL, "sumber data", "SIASN", NULL),
	FLD("frekuensi", ENUM, 0, C(NONE), v_frek, NULL, "frekuensi pelaporan", "tahunan", NULL),
	FLD("penanggung_jawab", STRING, 0, C(NONE), NULL, NULL, "unit yang melaporkan",
	    "Bidang Pengembangan Kompetensi BKPSDM", NULL),
	FLD("tujuan", CODE, R, C(GOAL_REF), NULL, NULL, "kode tujuan yang diukur", "T1", NULL),
	END
};
static const struct schema_field i_indikator =
	FLD(NULL, MAP, 0, C(INDIKATOR), NULL, NULL, "satu indikator", NULL, f_indikator);

static const struct schema_field f_monitoring[] = {
	JUDUL_BAB,
	FLD("uraian", MARKDOWN, R, C(NONE), NULL, NULL, "uraian monitoring dan evaluasi",
	    NULL, NULL),
	FLD("indikator", LIST, R | NE, C(NONE), NULL, NULL, "indikator kinerja", NULL,
	    &i_indikator),
	END
};

/* ---- keterlibatan_masyarakat, contoh_sukses, bab_tambahan --------------- */

static const struct schema_field f_forum[] = {
	FLD("nama", STRING, R, C(NONE), NULL, NULL, "nama forum", "Forum Konsultasi Publik", NULL),
	FLD("frekuensi", STRING, 0, C(NONE), NULL, NULL, "seberapa sering", "setiap semester", NULL),
	FLD("uraian", MARKDOWN, 0, C(NONE), NULL, NULL, "uraian forum", NULL, NULL),
	END
};
static const struct schema_field i_forum =
	FLD(NULL, MAP, 0, C(NONE), NULL, NULL, "satu forum", NULL, f_forum);

static const struct schema_field f_masyarakat[] = {
	JUDUL_BAB,
	FLD("uraian", MARKDOWN, R, C(NONE), NULL, NULL, "uraian keterlibatan masyarakat",
	    NULL, NULL),
	FLD("forum", LIST, 0, C(NONE), NULL, NULL, "forum keterlibatan masyarakat", NULL,
	    &i_forum),
	END
};

static const struct schema_field f_sukses[] = {
	FLD("judul", STRING, R, C(NONE), NULL, NULL, "judul contoh sukses", NULL, NULL),
	FLD("unit", STRING, 0, C(NONE), NULL, NULL, "unit kerja", "Dinas Kesehatan", NULL),
	FLD("uraian", MARKDOWN, 0, C(NONE), NULL, NULL, "uraian", NULL, NULL),
	FLD("hasil", MARKDOWN, 0, C(NONE), NULL, NULL, "hasil yang dicapai", NULL, NULL),
	END
};
static const struct schema_field i_sukses =
	FLD(NULL, MAP, 0, C(NONE), NULL, NULL, "satu contoh sukses", NULL, f_sukses);

static const struct schema_field f_bab[] = {
	FLD("judul", STRING, R, C(NONE), NULL, NULL, "judul bab tambahan", "Lampiran Data", NULL),
	FLD("isi", MARKDOWN, R, C(NONE), NULL, NULL, "isi bab", NULL, NULL),
	FLD("setelah", ENUM, R, C(NONE), v_bab, NULL, "bab yang mendahuluinya", "monitoring", NULL),
	END
};
static const struct schema_field i_bab =
	FLD(NULL, MAP, 0, C(NONE), NULL, NULL, "satu bab tambahan", NULL, f_bab);

static const struct schema_field f_judul_bab[] = {
	FLD("kata_pengantar", STRING, 0, C(NONE), NULL, NULL,
	    "judul pengganti untuk Kata Pengantar", "Sambutan", NULL),
	FLD("pendahuluan", STRING, 0, C(NONE), NULL, NULL,
	    "judul pengganti untuk Pendahuluan", "Latar Belakang", NULL),
	FLD("contoh_sukses", STRING, 0, C(NONE), NULL, NULL,
	    "judul bab Contoh Sukses (daftar contoh_sukses tidak punya judul sendiri)",
	    "Contoh Sukses Penerapan Pembinaan ASN", NULL),
	FLD("kesimpulan", STRING, 0, C(NONE), NULL, NULL,
	    "judul pengganti untuk Kesimpulan", "Penutup", NULL),
	END
};

/* ---- lampiran ------------------------------------------------------ */

static const struct schema_field f_lampiran[] = {
	FLD("judul", STRING, R, C(NONE), NULL, NULL, "judul lampiran",
	    "Rincian Kebutuhan Pelatihan per Perangkat Daerah", NULL),
	FLD("isi", MARKDOWN, R, C(NONE), NULL, NULL,
	    "isi lampiran: teks, tabel (bernomor Tabel I.1, ...), gambar", NULL, NULL),
	END
};
static const struct schema_field i_lampiran =
	FLD(NULL, MAP, 0, C(NONE), NULL, NULL, "satu lampiran", NULL, f_lampiran);

/* ---- penandatangan ------------------------------------------------------- */

static const struct schema_field f_ttd[] = {
	FLD("tempat", STRING, R, C(NONE), NULL, NULL, "tempat penandatanganan", "Mataram", NULL),
	FLD("tanggal", DATE, R, C(NONE), NULL, NULL, "tanggal penandatanganan", "2026-11-22", NULL),
	FLD("jabatan", STRING, R, C(NONE), NULL, NULL, "jabatan penanda tangan",
	    "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", NULL),
	FLD("nama", STRING, R, C(NONE), NULL, NULL, "nama penanda tangan",
	    "Drs. H. Lalu Muhammad Zainuddin, M.Si.", NULL),
	FLD("peran", ENUM, 0, C(NONE), v_peran, "pejabat",
	    "peran penanda tangan; menentukan gelar, NIP dan pangkat yang dicetak "
	    "(Permendagri 1/2023 Pasal 44)", "sekretaris-daerah", NULL),
	FLD("status_jabatan", ENUM, 0, C(NONE), v_statjab, "definitif",
	    "definitif, plt, plh, pj, an (atas nama) atau ub (untuk beliau)", "definitif", NULL),
	FLD("atas_nama", STRING, 0, C(NONE), NULL, NULL,
	    "jabatan pejabat yang diwakili; wajib untuk an dan ub", "Wali Kota Mataram", NULL),
	FLD("pangkat", STRING, 0, C(NONE), NULL, NULL, "pangkat", "Pembina Utama Muda", NULL),
	FLD("golongan", STRING, 0, C(GOLONGAN), NULL, NULL, "golongan ruang PNS I/a sampai IV/e",
	    "IV/c", NULL),
	FLD("nip", STRING, 0, C(NIP), NULL, NULL, "NIP 18 angka, boleh dengan spasi",
	    "19700101 199503 1 001", NULL),
	END
};

/* ---- paraf koordinasi ------------------------------------------------ */

static const struct schema_field f_paraf[] = {
	FLD("jabatan", STRING, R, C(NONE), NULL, NULL, "jabatan pejabat yang membubuhkan paraf",
	    "Asisten Pemerintahan dan Kesejahteraan Rakyat", NULL),
	FLD("nama", STRING, 0, C(NONE), NULL, NULL, "nama pejabat yang membubuhkan paraf",
	    "Budi Santoso", NULL),
	END
};

static const struct schema_field i_paraf =
	FLD(NULL, MAP, 0, C(NONE), NULL, NULL, "satu pejabat paraf koordinasi", NULL, f_paraf);

/* ---- top level ------------------------------------------------------ */

static const struct schema_field i_dasar =
	FLD(NULL, STRING, 0, C(NONE), NULL, NULL, "satu peraturan",
	    "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara", NULL);

static const struct schema_field f_root[] = {
	FLD("format", STRING, R, C(FORMAT), NULL, NULL, "versi format berkas: rencana/1",
	    "rencana/1", NULL),
	FLD("dokumen", MAP, R, C(NONE), NULL, NULL, "keterangan dokumen", NULL, f_dokumen),
	FLD("wilayah", MAP, R, C(WILAYAH), NULL, NULL, "wilayah pemilik rencana", NULL, f_wilayah),
	FLD("periode", MAP, R, C(PERIOD), NULL, NULL, "periode rencana", NULL, f_periode),
	FLD("judul_bab", MAP, 0, C(NONE), NULL, NULL,
	    "judul pengganti untuk bab tanpa kunci judul sendiri", NULL, f_judul_bab),
	FLD("kata_pengantar", MARKDOWN, 0, C(NONE), NULL, NULL,
	    "Kata Pengantar, sebelum daftar isi", NULL, NULL),
	FLD("pendahuluan", MARKDOWN, R, C(NONE), NULL, NULL, "bab Pendahuluan", NULL, NULL),
	FLD("dasar_hukum", LIST, 0, C(NONE), NULL, NULL,
	    "dasar hukum, daftar bernomor dalam pendahuluan", NULL, &i_dasar),
	FLD("kondisi", MAP, R, C(NONE), NULL, NULL, "kondisi kepegawaian saat ini", NULL,
	    f_kondisi),
	FLD("tujuan", MAP, R, C(NONE), NULL, NULL, "tujuan", NULL, f_tujuan),
	FLD("strategi", MAP, R, C(NONE), NULL, NULL, "strategi", NULL, f_strategi),
	FLD("implementasi", MAP, R, C(NONE), NULL, NULL, "implementasi dan mitra", NULL,
	    f_implementasi),
	FLD("tantangan", MAP, R, C(NONE), NULL, NULL, "tantangan dan mitigasi", NULL,
	    f_tantangan),
	FLD("monitoring", MAP, R, C(NONE), NULL, NULL, "monitoring dan evaluasi dengan indikator",
	    NULL, f_monitoring),
	FLD("keterlibatan_masyarakat", MAP, 0, C(NONE), NULL, NULL, "keterlibatan masyarakat",
	    NULL, f_masyarakat),
	FLD("contoh_sukses", LIST, 0, C(NONE), NULL, NULL, "contoh sukses", NULL, &i_sukses),
	FLD("kesimpulan", MARKDOWN, R, C(NONE), NULL, NULL, "bab Kesimpulan", NULL, NULL),
	FLD("bab_tambahan", LIST, 0, C(NONE), NULL, NULL, "bab tambahan", NULL, &i_bab),
	FLD("lampiran", LIST, 0, C(NONE), NULL, NULL,
	    "lampiran setelah isi: LAMPIRAN I, II, ... masing-masing di halaman baru", NULL,
	    &i_lampiran),
	FLD("penandatangan", MAP, 0, C(SIGNER), NULL, NULL,
	    "penanda tangan; wajib bila status final", NULL, f_ttd),
	FLD("paraf", LIST, 0, C(PARAF), NULL, NULL,
	    "paraf koordinasi pada konsep: paling banyak tiga pejabat, berurutan", NULL,
	    &i_paraf),
	END
};

static const struct schema_field root =
	FLD(NULL, MAP, R, C(ROOT), NULL, NULL,
	    "rencana pengembangan ASN dalam format rencana/1", NULL, f_root);

const struct schema_field *
schema_root(void)
{
	return &root;
}

const struct schema_field *
schema_child(const struct schema_field *f, const char *key)
{
	const struct schema_field *c;

	if (f == NULL)
		return NULL;
	switch (f->type) {
	case SCHEMA_LIST:
	case SCHEMA_DICT:
		return f->children;
	case SCHEMA_MAP:
		if (key == NULL)
			return NULL;
		for (c = f->children; c->key != NULL; c++)
			if (strcmp(c->key, key) == 0)
				return c;
		return NULL;
	default:
		return NULL;
	}
}

const struct schema_field *
schema_find(const char *path)
{
	const struct schema_field *f = &root;
	const char *p = path, *dot;
	char key[64];
	size_t n;

	while (f != NULL && *p != '\0') {
		dot = strchr(p, '.');
		n = dot != NULL ? (size_t)(dot - p) : strlen(p);
		if (n >= sizeof(key))
			return NULL;
		memcpy(key, p, n);
		key[n] = '\0';
		while (f != NULL && (f->type == SCHEMA_LIST || f->type == SCHEMA_DICT))
			f = f->children;
		f = schema_child(f, key);
		p += n + (dot != NULL);
	}
	return f;
}

const char *
schema_word(const char *path, const char *value, const char *lang)
{
	const struct schema_field *f = schema_find(path);
	const struct schema_value *v;
	int en = lang != NULL && strcmp(lang, "en") == 0;

	if (value == NULL || f == NULL || f->values == NULL)
		return value;
	for (v = f->values; v->value != NULL; v++)
		if (strcmp(v->value, value) == 0 && v->word_id != NULL)
			return en && v->word_en != NULL ? v->word_en : v->word_id;
	return value;
}

const char *
schema_type_name(enum schema_type t)
{
	static const char *const names[SCHEMA__COUNT] = {
		[SCHEMA_MAP] = "map", [SCHEMA_DICT] = "map tahun -> angka",
		[SCHEMA_LIST] = "list", [SCHEMA_STRING] = "string",
		[SCHEMA_MARKDOWN] = "markdown", [SCHEMA_ENUM] = "enum",
		[SCHEMA_BOOL] = "boolean", [SCHEMA_INT] = "integer",
		[SCHEMA_NUMBER] = "number", [SCHEMA_YEAR] = "year",
		[SCHEMA_DATE] = "date", [SCHEMA_CODE] = "code", [SCHEMA_PATH] = "path",
	};

	return (unsigned)t < SCHEMA__COUNT ? names[t] : "?";
}

const char *
schema_dict_key_pattern(const struct schema_field *f)
{
	(void)f;
	return "^[0-9]{4}$";
}

/* ---- patterns ------------------------------------------------------------ */

static const char *const patterns[SCHEMA_PAT__COUNT] = {
	[SCHEMA_PAT_CODE] = "^[A-Z]{1,3}[0-9]{1,3}$",
	[SCHEMA_PAT_REGION] = "^[0-9]{2}(\\.[0-9]{2}(\\.[0-9]{2}(\\.[0-9]{4})?)?)?$",
	[SCHEMA_PAT_NIP] = "^[0-9]{18}$",
	[SCHEMA_PAT_GOLONGAN] = "^(I|II|III|IV)/[a-e]$",
	[SCHEMA_PAT_EMAIL] = "^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$",
	[SCHEMA_PAT_PHONE] = "^(\\+62|0)[0-9][0-9 -]{5,16}[0-9]$",
	/* Not \s, which ECMA-262 widens to Unicode spaces. */
	[SCHEMA_PAT_URL] =
	    "^https?://[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*(:[0-9]+)?([/?#][^ \\t\\n\\v\\f\\r]*)?$",
	[SCHEMA_PAT_SCHEDULE] = "^[0-9]{4}(-(0[1-9]|1[0-2])|-Q[1-4]|-S[12])?$",
	[SCHEMA_PAT_DATE] = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
};

const char *
schema_pattern(enum schema_pat p)
{
	return (unsigned)p < SCHEMA_PAT__COUNT ? patterns[p] : NULL;
}

/* ---- JSON Schema ------------------------------------------------------ */

/*
 * The JSON Schema serves editors (yaml-language-server), which read YAML
 * 1.2: there `jp: 40` is an integer but `jp: "40"` a string, `kode: 52.71`
 * a number, `2026-01-15` a string, an empty value null.  `rencana check`
 * reads the text whatever the quotes, so each field accepts every JSON
 * value whose text check accepts: a number field also a string of digits,
 * a text field also a number or boolean, an optional field also null or
 * blank text (check skips an empty optional field).  Single-field rules
 * become patterns, bounds and enums; rules across fields stay check's
 * (docs/editor.md lists them).
 */

/* JSON types, as bits of a "type" list, in the order printed. */
enum {
	JT_OBJECT = 0x01, JT_ARRAY = 0x02, JT_STRING = 0x04, JT_NUMBER = 0x08,
	JT_INTEGER = 0x10, JT_BOOLEAN = 0x20, JT_NULL = 0x40
};

/* Text that check treats as absent: null aside, blanks only (is_empty). */
#define BLANK		"[ \\t\\n]*"

/*
 * Pieces of a real day, in templates where `_` is what may follow each
 * digit (nothing in a date, spaces in a NIP) and `~` what separates year,
 * month and day (`-` in a date, nothing in a NIP).
 */
#define T_YEAR		"[0-9]_[0-9]_[0-9]_[0-9]_"
#define T_LEAP		"(?:[0-9]_[0-9]_(?:0_[48]_|[2468]_[048]_|[13579]_[26]_)|" \
			"(?:[02468]_[048]_|[13579]_[26]_)0_0_)"
#define T_MONTH_DAY	"(?:(?:0_[13578]_|1_[02]_)~(?:0_[1-9]_|[12]_[0-9]_|3_[01]_)|" \
			"(?:0_[469]_|1_1_)~(?:0_[1-9]_|[12]_[0-9]_|3_0_)|" \
			"0_2_~(?:0_[1-9]_|1_[0-9]_|2_[0-8]_))"
#define T_DAY		"(?:" T_YEAR "~" T_MONTH_DAY "|" T_LEAP "~0_2_~2_9_)"
/* A year from 1900 on, where the next digit starts (NIP). */
#define T_1900		"(?!0|1 *[0-8])"

/* YYYY-MM-DD, a day that exists (validate_date_exists). */
static const char t_date[] = "^(?!0000)" T_DAY "$";
/* validate_nip: 18 digits with spaces anywhere; a birth day from 1900 on,
 * a year and month of appointment from 1900 on, 1 or 2, not serial 000.
 * Not here: appointed before 18 (arithmetic), after the document date. */
static const char t_nip[] = "^ *" T_1900 T_DAY T_1900 T_YEAR "(?:0_[1-9]_|1_[0-2]_)[12]_"
	"(?!0 *0 *0)[0-9]_[0-9]_[0-9]_$";
/* post_golongan in one pattern: ruang e only in golongan IV. */
static const char p_golongan[] = "^(?:(?:I|II|III)/[a-d]|IV/[a-e])$";

static void
expand(struct buf *out, const char *t, const char *digit_sep, const char *part_sep)
{
	for (; *t != '\0'; t++)
		if (*t == '_')
			buf_puts(out, digit_sep);
		else if (*t == '~')
			buf_puts(out, part_sep);
		else
			buf_putc(out, *t);
}

/* [...]: every character but the control characters validation refuses
 * (is_control in validate.c); whether the template's fonts have a
 * character only `rencana check` knows. */
static void
text_class(struct buf *out)
{
	buf_puts(out, "[^\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F]");
}

static void
json_str(struct buf *out, const char *s)
{
	buf_putc(out, '"');
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\') {
			buf_putc(out, '\\');
			buf_putc(out, c);
		} else if (c == '\n')
			buf_puts(out, "\\n");
		else if (c < 0x20)
			buf_printf(out, "\\u%04x", c);
		else
			buf_putc(out, c);
	}
	buf_putc(out, '"');
}

static void
indent(struct buf *out, int depth)
{
	int i;

	for (i = 0; i < depth; i++)
		buf_puts(out, "  ");
}

/* Starts the next member of an object at depth d: `,\n  "key": `. */
static void
json_key(struct buf *out, int d, const char *key)
{
	buf_puts(out, ",\n");
	indent(out, d);
	json_str(out, key);
	buf_puts(out, ": ");
}

static void
json_types(struct buf *out, int d, unsigned types)
{
	static const char *const names[] = { "object", "array", "string", "number",
		"integer", "boolean", "null" };
	size_t i;
	int n = 0;

	json_key(out, d, "type");
	buf_putc(out, '[');
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (types & (1u << i)) {
			buf_puts(out, n++ ? ", " : "");
			json_str(out, names[i]);
		}
	buf_putc(out, ']');
}

/*
 * A scalar: its JSON types and the pattern its text must match.  An
 * optional field also takes null and blank text; a required one neither.
 */
static void
json_scalar(struct buf *out, int d, unsigned types, const char *pattern, int optional)
{
	struct buf p = BUF_INIT;

	json_types(out, d, types | (optional ? JT_NULL : 0));
	if (optional)
		buf_puts(&p, "^" BLANK "$|");
	buf_puts(&p, pattern);
	json_key(out, d, "pattern");
	json_str(out, buf_str(&p));
	buf_free(&p);
}

/* Free text: any scalar (check reads `judul: 2026` as text) of characters
 * the PDF fonts have; a definition, as the class is long. */
static void
json_ref(struct buf *out, int d, const char *name)
{
	json_key(out, d, "allOf");
	buf_printf(out, "[{ \"$ref\": \"#/definitions/%s\" }]", name);
}

/* Whole bounds are printed whole: 1000000000000000, not 1e+15. */
static void
json_bound(struct buf *out, int d, const char *key, double v)
{
	json_key(out, d, key);
	buf_printf(out, v == (double)(long long)v ? "%.0f" : "%g", v);
}

static void
json_bounds(struct buf *out, int d, double min, double max)
{
	json_bound(out, d, "minimum", min);
	json_bound(out, d, "maximum", max);
}

/* A field whose text is checked by a post handler (or a plain text one). */
static void
json_text(struct buf *out, int d, const struct schema_field *f, int optional)
{
	struct buf p = BUF_INIT;

	switch (f->check) {
	case SCHEMA_CHECK_FORMAT:
		json_key(out, d, "const");
		json_str(out, "rencana/1");
		break;
	case SCHEMA_CHECK_REGION_CODE:
		/* YAML 1.2 reads 52 and 52.71 as numbers. */
		json_scalar(out, d, JT_STRING | JT_NUMBER, patterns[SCHEMA_PAT_REGION], optional);
		json_bounds(out, d, 0, 99.99);
		break;
	case SCHEMA_CHECK_NIP:
		expand(&p, t_nip, " *", "");
		json_scalar(out, d, JT_STRING | JT_INTEGER, buf_str(&p), optional);
		json_bound(out, d, "minimum", 1e17);
		json_bound(out, d, "exclusiveMaximum", 1e18);
		break;
	case SCHEMA_CHECK_GOLONGAN:
		json_scalar(out, d, JT_STRING, p_golongan, optional);
		break;
	case SCHEMA_CHECK_EMAIL:
		json_scalar(out, d, JT_STRING, patterns[SCHEMA_PAT_EMAIL], optional);
		break;
	case SCHEMA_CHECK_URL:
		json_scalar(out, d, JT_STRING, patterns[SCHEMA_PAT_URL], optional);
		break;
	case SCHEMA_CHECK_TTE_URL:
		json_scalar(out, d, JT_STRING, patterns[SCHEMA_PAT_URL], optional);
		json_bound(out, d, "maxLength", SCHEMA_TTE_URL_MAX);
		break;
	case SCHEMA_CHECK_PHONE:
		/* YAML 1.2 reads 0370555214 and +62370555214 as integers. */
		json_scalar(out, d, JT_STRING | JT_INTEGER, patterns[SCHEMA_PAT_PHONE], optional);
		json_bound(out, d, "minimum", 0);
		break;
	case SCHEMA_CHECK_SCHEDULE:
		json_scalar(out, d, JT_STRING | JT_INTEGER, patterns[SCHEMA_PAT_SCHEDULE],
		    optional);
		json_bounds(out, d, 1000, 9999);
		break;
	default:
		json_ref(out, d, optional ? "text" : "text-required");
		break;
	}
	buf_free(&p);
}

/* "enum": [...], inside an anyOf with blank text when optional. */
static void
json_enum(struct buf *out, int d, const struct schema_value *values, int booleans,
    int optional)
{
	size_t i;

	if (optional) {
		json_key(out, d, "anyOf");
		buf_puts(out, "[{ \"$ref\": \"#/definitions/empty\" }, { \"enum\": [");
	} else {
		json_key(out, d, "enum");
		buf_putc(out, '[');
	}
	for (i = 0; values[i].value != NULL; i++) {
		buf_puts(out, i > 0 ? ", " : "");
		json_str(out, values[i].value);
	}
	if (booleans)
		buf_puts(out, ", true, false");
	buf_puts(out, optional ? "] }]" : "]");
}

static void json_field(struct buf *, const struct schema_field *, int, int);

/* Object members: required keys, then each field. */
static void
json_members(struct buf *out, const struct schema_field *f, int d)
{
	const struct schema_field *c;
	int n = 0;

	json_key(out, d, "additionalProperties");
	buf_puts(out, "false");
	for (c = f->children; c->key != NULL; c++) {
		if (!(c->flags & SCHEMA_REQUIRED))
			continue;
		if (n++ == 0)
			json_key(out, d, "required");
		buf_puts(out, n > 1 ? ", " : "[");
		json_str(out, c->key);
	}
	if (n > 0)
		buf_putc(out, ']');
	json_key(out, d, "properties");
	buf_putc(out, '{');
	for (c = f->children; c->key != NULL; c++) {
		buf_puts(out, c == f->children ? "\n" : ",\n");
		indent(out, d + 1);
		json_str(out, c->key);
		buf_puts(out, ": ");
		json_field(out, c, d + 1, !(c->flags & SCHEMA_REQUIRED));
	}
	buf_putc(out, '\n');
	indent(out, d);
	buf_putc(out, '}');
}

/* The members of a MAP, DICT or LIST field at depth `in` (json_field). */
static void
json_container(struct buf *out, const struct schema_field *f, int in, int optional)
{
	json_types(out, in, (f->type == SCHEMA_LIST ? JT_ARRAY : JT_OBJECT) |
	    (optional ? JT_STRING | JT_NULL : 0));
	if (optional) {
		json_key(out, in, "pattern");
		json_str(out, "^" BLANK "$");
	}
	if (f->type == SCHEMA_MAP)
		json_members(out, f, in);
	else if (f->type == SCHEMA_DICT) {
		json_key(out, in, "additionalProperties");
		buf_puts(out, "false");
		if (f->flags & SCHEMA_NONEMPTY) {
			json_key(out, in, "minProperties");
			buf_puts(out, "1");
		}
		json_key(out, in, "patternProperties");
		buf_puts(out, "{\n");
		indent(out, in + 1);
		json_str(out, schema_dict_key_pattern(f));
		buf_puts(out, ": ");
		json_field(out, f->children, in + 1, 1);
		buf_putc(out, '\n');
		indent(out, in);
		buf_putc(out, '}');
	} else {
		if (f->flags & SCHEMA_NONEMPTY) {
			json_key(out, in, "minItems");
			buf_puts(out, "1");
		}
		json_key(out, in, "items");
		json_field(out, f->children, in, 0);
	}
}

/*
 * One field at depth d (its members at d + 1).  `optional`: check accepts
 * it empty (a map member not required, a dict value), unlike a required
 * member or a list item.  Depth is bounded by the tables (at most 7).
 */
static void
json_field(struct buf *out, const struct schema_field *f, int d, int optional)
{
	static const struct schema_value bools[] = { V("ya"), V("tidak"), V("true"),
		V("false"), VEND };
	struct buf p = BUF_INIT;
	int in = d + 1;

	buf_puts(out, "{\n");
	indent(out, in);
	buf_puts(out, "\"description\": ");
	json_str(out, f->desc);
	switch (f->type) {
	case SCHEMA_MAP:
	case SCHEMA_DICT:
	case SCHEMA_LIST:
		json_container(out, f, in, optional);
		break;
	case SCHEMA_ENUM:
		json_enum(out, in, f->values, 0, optional);
		break;
	case SCHEMA_BOOL:
		json_enum(out, in, bools, 1, optional);
		break;
	case SCHEMA_INT:
		/* post_positive, post_nonneg, check_number_text's bound; a
		 * string of digits is the same text to check. */
		json_scalar(out, in, JT_INTEGER | JT_STRING,
		    f->check == SCHEMA_CHECK_POSITIVE ? "^0*[1-9][0-9]{0,14}$" :
		    f->check == SCHEMA_CHECK_NONNEG ? "^(?:0*[0-9]{1,15}|-0+)$" :
		    "^-?0*[0-9]{1,15}$", optional);
		json_bounds(out, in, f->check == SCHEMA_CHECK_POSITIVE ? 1 :
		    f->check == SCHEMA_CHECK_NONNEG ? 0 : -SCHEMA_MAX_INT, SCHEMA_MAX_INT);
		break;
	case SCHEMA_NUMBER:
		json_scalar(out, in, JT_NUMBER | JT_STRING, "^-?[0-9]+(?:\\.[0-9]+)?$", optional);
		break;
	case SCHEMA_YEAR:
		json_scalar(out, in, JT_INTEGER | JT_STRING, "^(?!0000)[0-9]{4}$", optional);
		json_bounds(out, in, 1000, 9999);
		break;
	case SCHEMA_DATE:
		expand(&p, t_date, "", "-");
		json_scalar(out, in, JT_STRING, buf_str(&p), optional);
		break;
	case SCHEMA_CODE:
		json_scalar(out, in, JT_STRING, patterns[SCHEMA_PAT_CODE], optional);
		break;
	case SCHEMA_STRING:
	case SCHEMA_MARKDOWN:
	case SCHEMA_PATH:
	default:
		json_text(out, in, f, optional);
		break;
	}
	if (f->dflt != NULL) {
		json_key(out, in, "default");
		json_str(out, f->dflt);
	}
	if (f->example != NULL && f->type != SCHEMA_INT && f->type != SCHEMA_NUMBER &&
	    f->type != SCHEMA_YEAR) {
		json_key(out, in, "examples");
		buf_putc(out, '[');
		json_str(out, f->example);
		buf_putc(out, ']');
	}
	buf_putc(out, '\n');
	indent(out, d);
	buf_putc(out, '}');
	buf_free(&p);
}

/* Opens definition `name` of the root's "definitions" (depth 2). */
static void
json_definition(struct buf *out, const char *name, const char *desc, int first)
{
	buf_puts(out, first ? "{\n" : "\n    },\n");
	indent(out, 2);
	json_str(out, name);
	buf_puts(out, ": {\n");
	indent(out, 3);
	buf_puts(out, "\"description\": ");
	json_str(out, desc);
}

void
schema_json(struct buf *out)
{
	struct buf p = BUF_INIT;

	buf_puts(out, "{\n");
	buf_puts(out, "  \"$schema\": \"http://json-schema.org/draft-07/schema#\",\n");
	buf_puts(out, "  \"$id\": \"https://rencana.invalid/rencana.schema.json\",\n");
	buf_puts(out, "  \"title\": \"rencana/1\",\n");
	buf_puts(out, "  \"description\": ");
	json_str(out, root.desc);
	json_key(out, 1, "type");
	json_str(out, "object");
	json_members(out, &root, 1);
	json_key(out, 1, "definitions");
	json_definition(out, "empty", "kosong, sama dengan tidak diisi", 1);
	json_scalar(out, 3, JT_STRING | JT_NULL, "^" BLANK "$", 0);
	json_definition(out, "text", "teks tanpa karakter kendali (huruf yang "
	    "tidak ada pada fon templat ditolak oleh rencana check)", 0);
	buf_putc(&p, '^');
	text_class(&p);
	buf_puts(&p, "*$");
	json_scalar(out, 3, JT_STRING | JT_NUMBER | JT_BOOLEAN | JT_NULL, buf_str(&p), 0);
	json_definition(out, "text-required", "teks yang tidak kosong", 0);
	json_ref(out, 3, "text");
	json_scalar(out, 3, JT_STRING | JT_NUMBER | JT_BOOLEAN, "^(?!" BLANK "$)", 0);
	buf_puts(out, "\n    }\n  }\n}\n");
	buf_free(&p);
}

/* ---- Markdown reference ------------------------------------------------ */

static void
md_cell(struct buf *out, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '|')
			buf_puts(out, "\\|");
		else
			buf_putc(out, *s);
	}
}

static void md_field(struct buf *, const struct schema_field *, struct buf *);

/* The value of a dict (`target.YYYY`): a row under the path already built. */
static void
md_field_value(struct buf *out, const struct schema_field *f, struct buf *path)
{
	buf_puts(out, "| `");
	buf_puts(out, buf_str(path));
	buf_printf(out, "` | %s |  |  | ", schema_type_name(f->type));
	md_cell(out, f->desc);
	buf_puts(out, " | ");
	if (f->example != NULL)
		buf_printf(out, "`%s`", f->example);
	buf_puts(out, " |\n");
}

/* One row per field, depth first; `path` holds the parent's path.  The
 * depth is that of the tables. */
static void
md_field(struct buf *out, const struct schema_field *f, struct buf *path)
{
	const struct schema_field *c;
	size_t keep = path->len, i;

	if (f->key != NULL) {
		if (path->len > 0)
			buf_putc(path, '.');
		buf_puts(path, f->key);
	} else if (f != &root)
		buf_puts(path, "[]");
	if (f != &root && !(f->key == NULL && f->type == SCHEMA_MAP)) {
		buf_puts(out, "| `");
		buf_puts(out, buf_str(path));
		buf_puts(out, "` | ");
		if (f->type == SCHEMA_LIST && f->children->type != SCHEMA_MAP)
			buf_printf(out, "list of %s", schema_type_name(f->children->type));
		else if (f->type == SCHEMA_LIST)
			buf_puts(out, "list of maps");
		else if (f->type == SCHEMA_ENUM) {
			for (i = 0; f->values[i].value != NULL; i++)
				buf_printf(out, "%s`%s`", i ? ", " : "", f->values[i].value);
		} else
			buf_puts(out, schema_type_name(f->type));
		buf_printf(out, " | %s | ", (f->flags & SCHEMA_REQUIRED) ? "yes" :
		    f->key == NULL ? "" : "no");
		if (f->dflt != NULL)
			buf_printf(out, "`%s`", f->dflt);
		buf_puts(out, " | ");
		md_cell(out, f->desc);
		buf_puts(out, " | ");
		if (f->example != NULL) {
			buf_puts(out, "`");
			md_cell(out, f->example);
			buf_puts(out, "`");
		}
		buf_puts(out, " |\n");
	}
	if (f->type == SCHEMA_MAP)
		for (c = f->children; c->key != NULL; c++)
			md_field(out, c, path);
	else if (f->type == SCHEMA_LIST || f->type == SCHEMA_DICT) {
		if (f->type == SCHEMA_DICT) {
			buf_puts(path, ".YYYY");
			md_field_value(out, f->children, path);
		} else
			md_field(out, f->children, path);
	}
	buf_truncate(path, keep);
}

void
schema_markdown(struct buf *out)
{
	struct buf path = BUF_INIT;

	buf_puts(out, "| field | type | required | default | meaning (Indonesian) | example |\n");
	buf_puts(out, "|---|---|---|---|---|---|\n");
	md_field(out, &root, &path);
	buf_free(&path);
}
