--
-- PostgreSQL database dump
--

\restrict SXsAVYyOG1k72BiglMrdVwgttd08d2QIaoAynLRELvGOZo21jvIeA7LQtNe4nn7

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: touch_employee(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.touch_employee() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
  -- a semicolon; and a quote ' inside a function body
  NEW.notitie := coalesce(NEW.notitie, '');
  RETURN NEW;
END;
$$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: employees; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.employees (
    id integer NOT NULL,
    voornaam text NOT NULL,
    achternaam text NOT NULL,
    bsn character(9),
    geboortedatum date,
    email text,
    telefoon text,
    iban text,
    adres text,
    notitie text,
    foto bytea
);


--
-- Name: employees_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.employees_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: employees_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.employees_id_seq OWNED BY public.employees.id;


--
-- Name: salarissen; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.salarissen (
    employee_id integer,
    maand date NOT NULL,
    bruto numeric(10,2) NOT NULL,
    omschrijving text
);


--
-- Name: employees id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.employees ALTER COLUMN id SET DEFAULT nextval('public.employees_id_seq'::regclass);


--
-- Data for Name: employees; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.employees (id, voornaam, achternaam, bsn, geboortedatum, email, telefoon, iban, adres, notitie, foto) FROM stdin;
1	Anouk	Smit	162275869	1996-05-21	anouk.smit@hotmail.com	0612345678	NL91ABNA0417164300	Kerkstraat 12\n3511 AB Utrecht	Sleutel afgegeven op 1-4-2024	\\x89504e470d0a1a0a
2	Pieter	van Dijk	111222333	1975-12-01	pvdijk@kpnmail.nl	010-4412233	NL39RABO0300065264	Coolsingel 40, 3011 AD Rotterdam	Tab\tin de notitie, backslash \\ en een quote ' erin	\N
3	Marieke	Visser	\N	\N	marieke.visser@outlook.com	\N	\N	\N	Unicode: café – € 10	\N
\.


--
-- Data for Name: salarissen; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.salarissen (employee_id, maand, bruto, omschrijving) FROM stdin;
1	2024-03-01	3100.00	Loon maart
2	2024-03-01	4250.50	Loon maart
3	2024-03-01	2980.00	\N
\.


--
-- Name: employees_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.employees_id_seq', 3, true);


--
-- Name: employees employees_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.employees
    ADD CONSTRAINT employees_pkey PRIMARY KEY (id);


--
-- Name: salarissen salarissen_employee_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.salarissen
    ADD CONSTRAINT salarissen_employee_id_fkey FOREIGN KEY (employee_id) REFERENCES public.employees(id);


--
-- PostgreSQL database dump complete
--

\unrestrict SXsAVYyOG1k72BiglMrdVwgttd08d2QIaoAynLRELvGOZo21jvIeA7LQtNe4nn7

