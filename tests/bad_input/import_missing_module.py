import asynco
