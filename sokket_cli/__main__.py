from sokket_cli.cli import main

main()
